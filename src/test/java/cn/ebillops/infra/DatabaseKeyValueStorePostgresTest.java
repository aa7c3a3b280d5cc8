package cn.ebillops.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.testsupport.PostgresTestSupport;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The store's contract on the real PostgreSQL, and what it is for: a second instance (or a restart) sees it. */
class DatabaseKeyValueStorePostgresTest extends ClockedStoreContract {

    private static JdbcClient jdbc;


    @BeforeAll
    static void migrate() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(PostgresTestSupport.freshSchemaUrl());
        ds.setUser(PostgresTestSupport.USER);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(ds);
    }

    @Override
    KeyValueStore storeOn(Clock clock) {
        return new DatabaseKeyValueStore(jdbc, clock);
    }

    @Test
    void anotherInstanceOnTheSameDatabaseSeesWhatThisOneSet() {
        assertThat(store().setIfAbsent(key, "1", TTL)).isTrue();
        DatabaseKeyValueStore afterRestart = new DatabaseKeyValueStore(jdbc, clock);
        assertThat(afterRestart.setIfAbsent(key, "1", TTL)).as("a message id seen before the restart").isFalse();
        assertThat(afterRestart.tryLock(key + ":lock", "b", TTL)).isTrue();
        assertThat(store().tryLock(key + ":lock", "a", TTL)).as("a lock is shared by the instances").isFalse();
    }
}
