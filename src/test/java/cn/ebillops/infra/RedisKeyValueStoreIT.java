package cn.ebillops.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * Against the real local Redis (127.0.0.1:6379); keys under a random prefix. Expiry is not waited
 * for: the TTLs Redis reports are checked, and time passes by shortening them (PEXPIRE), which
 * removes a key whose TTL runs out as Redis would.
 */
class RedisKeyValueStoreIT extends KeyValueStoreContract {

    private static JedisPooled jedis;
    private final String prefix = "test:" + UUID.randomUUID() + ":";
    private final RedisKeyValueStore store = new RedisKeyValueStore(jedis, prefix);

    @BeforeAll
    static void connect() {
        jedis = new JedisPooled(new HostAndPort("127.0.0.1", 6379),
                DefaultJedisClientConfig.builder().connectionTimeoutMillis(2000).socketTimeoutMillis(2000).build());
    }

    @AfterAll
    static void close() {
        jedis.close();
    }

    @Override
    KeyValueStore store() {
        return store;
    }

    @Override
    void elapse(Duration d) {
        for (String k : jedis.keys(prefix + "*")) {
            long left = jedis.pttl(k);
            if (left < 0) {
                continue; // no expiry (-1) or already gone (-2)
            }
            if (left <= d.toMillis()) {
                jedis.del(k);
            } else {
                jedis.pexpire(k, left - d.toMillis());
            }
        }
    }

    /** What Redis reports for a key of the store, in milliseconds. */
    private long pttl(String key) {
        return jedis.pttl(prefix + key);
    }

    @Test
    void everyWriteGivesTheKeyTheRequestedTtlInRedis() {
        long max = TTL.toMillis();
        long min = max - 10_000; // the calls take milliseconds; ten seconds of slack
        assertThat(store.setIfAbsent(key, "a", TTL)).isTrue();
        assertThat(pttl(key)).isBetween(min, max);

        String counter = key + ":n";
        store.increment(counter, TTL);
        assertThat(pttl(counter)).isBetween(min, max);
        jedis.pexpire(prefix + counter, 5_000);
        store.increment(counter, TTL);
        assertThat(pttl(counter)).as("a counter's window is not extended by counting").isBetween(0L, 5_000L);

        String lock = key + ":lock";
        assertThat(store.tryLock(lock, "one", TTL)).isTrue();
        assertThat(pttl(lock)).isBetween(min, max);
        Duration longer = TTL.multipliedBy(5);
        assertThat(store.renewLock(lock, "one", longer)).isTrue();
        assertThat(pttl(lock)).isBetween(longer.toMillis() - 10_000, longer.toMillis());
    }
}
