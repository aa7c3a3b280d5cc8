package cn.ebillops.infra;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/** Against the real local Redis (127.0.0.1:6379); keys under a random prefix. */
class RedisKeyValueStoreIT extends KeyValueStoreContract {

    private static JedisPooled jedis;
    private final RedisKeyValueStore store =
            new RedisKeyValueStore(jedis, "test:" + UUID.randomUUID() + ":");

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
    void elapse(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }
}
