package cn.ebillops.infra;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The key-value state in table kv_entry (V42__durable_state.sql): durable across restarts and shared
 * by every instance on the same database. Each operation is one statement that cannot fail on a
 * duplicate key (insert … on conflict do nothing), so it never aborts a caller's transaction.
 * Expiry is judged by the injected clock, like {@link InMemoryKeyValueStore}.
 */
final class DatabaseKeyValueStore implements KeyValueStore {

    /** Expired rows are deleted once every this many writes: no scheduler needed, no table growth. */
    private static final int PURGE_EVERY = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong writes = new AtomicLong();

    public DatabaseKeyValueStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean setIfAbsent(String key, String value, Duration ttl) {
        Timestamp now = now();
        purgeNowAndThen(now);
        if (jdbc.sql("insert into kv_entry (k, v, expires_at) values (?, ?, ?) on conflict do nothing")
                .params(key, value, expiry(ttl)).update() == 1) {
            return true;
        }
        // present but perhaps expired: taking it over is one conditional update
        return jdbc.sql("update kv_entry set v = ?, expires_at = ? where k = ? and expires_at <= ?")
                .params(value, expiry(ttl), key, now).update() == 1;
    }

    @Override
    public long increment(String key, Duration ttl) {
        for (int attempt = 0; attempt < 5; attempt++) {
            int updated = jdbc.sql("""
                    update kv_entry set v = cast(cast(v as bigint) + 1 as varchar(4000))
                    where k = ? and expires_at > ?""").params(key, now()).update();
            if (updated == 1) {
                String v = get(key);
                if (v != null) {
                    return Long.parseLong(v);
                }
            } else if (setIfAbsent(key, "1", ttl)) {
                return 1;
            }
        }
        throw new IllegalStateException("counter " + key + " kept changing under concurrent updates");
    }

    @Override
    public String get(String key) {
        return jdbc.sql("select v from kv_entry where k = ? and expires_at > ?").params(key, now())
                .query(String.class).optional().orElse(null);
    }

    @Override
    public void delete(String key) {
        jdbc.sql("delete from kv_entry where k = ?").param(key).update();
    }

    @Override
    public boolean tryLock(String name, String owner, Duration ttl) {
        return setIfAbsent(name, owner, ttl) || renewLock(name, owner, ttl);
    }

    @Override
    public boolean renewLock(String name, String owner, Duration ttl) {
        return jdbc.sql("update kv_entry set expires_at = ? where k = ? and v = ? and expires_at > ?")
                .params(expiry(ttl), name, owner, now()).update() == 1;
    }

    @Override
    public void unlock(String name, String owner) {
        jdbc.sql("delete from kv_entry where k = ? and v = ?").params(name, owner).update();
    }

    private void purgeNowAndThen(Timestamp now) {
        if (writes.incrementAndGet() % PURGE_EVERY == 0) {
            jdbc.sql("delete from kv_entry where expires_at <= ?").param(now).update();
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private Timestamp expiry(Duration ttl) {
        Instant at = clock.instant().plus(ttl);
        return Timestamp.from(at);
    }
}
