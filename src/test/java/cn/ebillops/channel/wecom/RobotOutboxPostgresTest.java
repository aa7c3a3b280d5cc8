package cn.ebillops.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.testsupport.PostgresTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox SQL (V10 migration, merge, claim by status) on the real PostgreSQL. */
class RobotOutboxPostgresTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00.123456789Z"),
            cn.ebillops.infra.InfraConfig.ZONE);
    private RobotOutbox outbox;

    @BeforeEach
    void schema() {
        DriverManagerDataSource ds = new DriverManagerDataSource(PostgresTestSupport.freshSchemaUrl(),
                PostgresTestSupport.USER, "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        outbox = new RobotOutbox(JdbcClient.create(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)),
                clock);
    }

    @Test
    void queuesMergesAndMarksSentOnPostgres() {
        assertThat(outbox.add("wr_a", "一", "k1")).isTrue();
        assertThat(outbox.add("wr_a", "一", "k1")).as("same dedup key").isFalse();
        assertThat(outbox.add("wr_a", "二", null)).isTrue();
        assertThat(outbox.add("wr_a", "三", null)).isTrue();
        assertThat(outbox.chatsWithDue(clock.instant())).containsExactly("wr_a");
        List<RobotOutbox.Row> due = outbox.due("wr_a", clock.instant(), 10);
        assertThat(due).hasSize(3);

        RobotOutbox.Row merged = outbox.merge("wr_a", due, RobotDispatcher.summary(due));
        assertThat(outbox.merge("wr_a", due, "again")).as("rows already merged are not merged twice").isNull();
        // only the summary row is due now, stored with the summary's text
        assertThat(outbox.due("wr_a", clock.instant(), 10)).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(merged.id());
            assertThat(r.body()).isEqualTo("**汇总通知（共 3 条）**\n\n1. 一\n\n2. 二\n\n3. 三");
        });

        outbox.retryLater(merged.id(), 1, clock.instant().plus(Duration.ofSeconds(2)), "errcode -1");
        assertThat(outbox.due("wr_a", clock.instant(), 10)).isEmpty();
        clock.advance(Duration.ofSeconds(2));
        assertThat(outbox.due("wr_a", clock.instant(), 10)).hasSize(1);
        outbox.partSent(merged.id(), 1, 2);
        assertThat(outbox.due("wr_a", clock.instant(), 10)).singleElement()
                .satisfies(r -> assertThat(r.partsSent()).isEqualTo(1));
        outbox.partSent(merged.id(), 2, 2);
        assertThat(outbox.pending("wr_a")).isZero();
        assertThat(outbox.count("SENT")).isEqualTo(1);
        assertThat(outbox.count("MERGED")).isEqualTo(3);
        assertThat(outbox.purgeDone(clock.instant().minus(Duration.ofDays(7)))).isZero();
        assertThat(outbox.purgeDone(clock.instant().plusSeconds(1))).isEqualTo(4);
    }
}
