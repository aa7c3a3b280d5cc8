package cn.ebillops.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.testsupport.MutableClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** Redis gone: the database answers and the state says degraded; Redis back: it serves again. */
class FailoverKeyValueStoreTest {

    private final MutableClock clock = MutableClock.at("2026-11-25T09:00:00+08:00");
    private final AtomicBoolean redisUp = new AtomicBoolean(true);
    private final InMemoryKeyValueStore redisData = new InMemoryKeyValueStore(clock);
    private final InMemoryKeyValueStore database = new InMemoryKeyValueStore(clock);
    private final KeyValueStore redis = (KeyValueStore) java.lang.reflect.Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                if (!redisUp.get()) {
                    throw new JedisConnectionException("Connection refused");
                }
                try {
                    return method.invoke(redisData, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                }
            });

    @Test
    void answersFromTheDatabaseWhileRedisIsDownAndSaysSo() {
        FailoverKeyValueStore store = new FailoverKeyValueStore(redis, database, clock);
        assertThat(store.setIfAbsent("a", "1", Duration.ofMinutes(1))).isTrue();
        assertThat(redisData.get("a")).isEqualTo("1");
        assertThat(store.redisDownSince()).isEmpty();

        redisUp.set(false);
        assertThat(store.setIfAbsent("b", "1", Duration.ofMinutes(1))).isTrue();
        assertThat(store.setIfAbsent("b", "1", Duration.ofMinutes(1))).as("de-duplication still works").isFalse();
        assertThat(store.tryLock("lock", "me", Duration.ofSeconds(10))).isTrue();
        assertThat(database.get("b")).isEqualTo("1");
        assertThat(store.redisDownSince()).contains(clock.instant());
    }

    @Test
    void returnsToRedisAtTheFirstProbeThatAnswers() {
        FailoverKeyValueStore store = new FailoverKeyValueStore(redis, database, clock);
        redisUp.set(false);
        store.get("x");
        assertThat(store.redisDownSince()).isPresent();
        redisUp.set(true);
        // within the probe interval the database serves without trying Redis
        store.setIfAbsent("c", "1", Duration.ofMinutes(1));
        assertThat(redisData.get("c")).isNull();
        assertThat(database.get("c")).isEqualTo("1");
        assertThat(store.redisDownSince()).isPresent();
    }

    @Test
    void aProbeThatAnswersEndsTheDegradedState() {
        FailoverKeyValueStore store = new FailoverKeyValueStore(redis, database, clock, Duration.ZERO);
        redisUp.set(false);
        store.get("x");
        assertThat(store.redisDownSince()).isPresent();
        redisUp.set(true);
        assertThat(store.setIfAbsent("d", "1", Duration.ofMinutes(1))).isTrue();
        assertThat(redisData.get("d")).isEqualTo("1");
        assertThat(store.redisDownSince()).isEmpty();
    }
}
