package cn.ebillops.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * The production store with Redis configured but not answering (a port nothing listens on), for tests
 * in other modules that must show their shared state survives Redis being down.
 */
public final class RedisDownStore {

    private RedisDownStore() {
    }

    /** Redis at a closed local port, failing over to {@code database}. */
    public static KeyValueStore over(KeyValueStore database, Clock clock) {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort(); // free once closed: connecting is refused at once
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var config = DefaultJedisClientConfig.builder().connectionTimeoutMillis(500).socketTimeoutMillis(500).build();
        var redis = new RedisKeyValueStore(new JedisPooled(new HostAndPort("127.0.0.1", closedPort), config), "down:");
        return new FailoverKeyValueStore(redis, database, clock);
    }
}
