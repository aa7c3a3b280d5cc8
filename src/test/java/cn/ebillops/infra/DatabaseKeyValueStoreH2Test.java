package cn.ebillops.infra;

import java.time.Clock;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The same contract on the embedded default (H2 in PostgreSQL mode), whose SQL dialect differs. */
class DatabaseKeyValueStoreH2Test extends ClockedStoreContract {

    private static JdbcClient jdbc;


    @BeforeAll
    static void migrate() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:kv-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(ds);
    }

    @Override
    KeyValueStore storeOn(Clock clock) {
        return new DatabaseKeyValueStore(jdbc, clock);
    }
}
