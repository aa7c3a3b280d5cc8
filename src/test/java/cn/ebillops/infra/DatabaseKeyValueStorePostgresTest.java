package cn.ebillops.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.testsupport.MutableClock;
import cn.ebillops.testsupport.PostgresTestSupport;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The store's contract on the real PostgreSQL, and what it is for: a second instance (or a restart) sees it. */
class DatabaseKeyValueStorePostgresTest extends KeyValueStoreContract {

    private static JdbcClient jdbc;

    private final MutableClock clock = MutableClock.at("2026-11-25T09:00:00+08:00");
    private final DatabaseKeyValueStore store = new DatabaseKeyValueStore(jdbc, clock);

    @BeforeAll
    static void migrate() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(PostgresTestSupport.freshSchemaUrl());
        ds.setUser(PostgresTestSupport.USER);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(ds);
    }

    @Override
    KeyValueStore store() {
        return store;
    }

    @Override
    void elapse(Duration d) {
        clock.advance(d);
    }

    @Test
    void anotherInstanceOnTheSameDatabaseSeesWhatThisOneSet() {
        assertThat(store.setIfAbsent(key, "1", TTL)).isTrue();
        DatabaseKeyValueStore afterRestart = new DatabaseKeyValueStore(jdbc, clock);
        assertThat(afterRestart.setIfAbsent(key, "1", TTL)).as("a message id seen before the restart").isFalse();
        assertThat(afterRestart.tryLock(key + ":lock", "b", TTL)).isTrue();
        assertThat(store.tryLock(key + ":lock", "a", TTL)).as("a lock is shared by the instances").isFalse();
    }
}
