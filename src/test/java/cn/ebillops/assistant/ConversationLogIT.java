package cn.ebillops.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.testsupport.PostgresTestSupport;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The conversation log on the real PostgreSQL, schema by the same Flyway migrations. */
class ConversationLogIT {

    @Test
    void storesMessagesWithPatientDataMasked() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(PostgresTestSupport.freshSchemaUrl());
        ds.setUser(PostgresTestSupport.USER);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

        ConversationLog log = new ConversationLog(JdbcClient.create(ds), new PiiMasker(), Clock.systemUTC());
        log.record("console", "wr_cashier", "chenxia", ConversationLog.Direction.IN,
                "患者王小明电话13812345678身份证440102199001011234收不到票据");
        log.record("console", "wr_cashier", "assistant", ConversationLog.Direction.OUT, "已收到");

        var entries = log.recent("wr_cashier", 10);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1).text())
                .doesNotContain("13812345678").doesNotContain("199001011234").doesNotContain("王小明")
                .contains("收不到票据");
        assertThat(entries.get(0).direction()).isEqualTo(ConversationLog.Direction.OUT);
    }
}
