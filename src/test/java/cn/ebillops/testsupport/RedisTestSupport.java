package cn.ebillops.testsupport;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** The real local Redis (127.0.0.1:6379); each user works under a key prefix of its own and deletes it after. */
public final class RedisTestSupport {

    public static final String URL = System.getenv().getOrDefault("EBILLOPS_TEST_REDIS_URL", "redis://127.0.0.1:6379");

    private RedisTestSupport() {
    }

    public static Jedis connect() {
        java.net.URI uri = java.net.URI.create(URL);
        return new Jedis(new HostAndPort(uri.getHost(), uri.getPort()),
                DefaultJedisClientConfig.builder().connectionTimeoutMillis(2000).socketTimeoutMillis(5000).build());
    }

    /** Deletes every key under the prefix (SCAN, never KEYS: the server may be shared). */
    public static void deleteKeys(String prefix) {
        try (Jedis jedis = connect()) {
            String cursor = ScanParams.SCAN_POINTER_START;
            ScanParams match = new ScanParams().match(prefix + "*").count(500);
            do {
                ScanResult<String> page = jedis.scan(cursor, match);
                if (!page.getResult().isEmpty()) {
                    jedis.del(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
    }
}
