package cn.ebillops.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.testsupport.MutableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** The redis health component follows the failover store: UP, DEGRADED while Redis is away (the database serves), UP again. */
class RedisHealthTest {

    private final MutableClock clock = MutableClock.at("2026-11-25T09:00:00+08:00");
    private final AtomicBoolean redisUp = new AtomicBoolean(true);
    private final InMemoryKeyValueStore redisData = new InMemoryKeyValueStore(clock);
    private final KeyValueStore redis = (KeyValueStore) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                if (!redisUp.get()) {
                    throw new JedisConnectionException("Connection refused");
                }
                try {
                    return method.invoke(redisData, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    // probes Redis at every call: the health check itself is the probe that ends the degraded state
    private final FailoverKeyValueStore store = new FailoverKeyValueStore(redis, new InMemoryKeyValueStore(clock), clock,
            Duration.ZERO);
    private final RedisHealth health = new RedisHealth(store, store);

    @Test
    void upWhileRedisAnswers() {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void degradedNotDownWhileRedisIsAwayAndUpOnceItAnswersAgain() {
        redisUp.set(false);
        Health away = health.health();
        assertThat(away.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(away.getDetails()).containsEntry("downSince", clock.instant().toString());

        redisUp.set(true);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
