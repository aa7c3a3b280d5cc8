package cn.ebillops.infra;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code redis}, present only where Redis is configured. A Redis that does not
 * answer is DEGRADED, not DOWN: the database carries the shared state meanwhile
 * ({@link FailoverKeyValueStore}), so the instance still serves (HTTP 200) while the hospital's
 * monitoring sees the status and raises it. Asking the store is the probe: a Redis that went away
 * since the last message is noticed here, one that came back ends the degraded state.
 */
@Component("redis")
@ConditionalOnExpression("!'${ebillops.redis.url:}'.isBlank()")
class RedisHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Redis 不可用，共享状态暂由数据库承担");
    private static final String PROBE_KEY = "health:probe";

    private final KeyValueStore store;
    private final StateStoreHealth state;

    RedisHealth(KeyValueStore store, StateStoreHealth state) {
        this.store = store;
        this.state = state;
    }

    @Override
    public Health health() {
        try {
            store.get(PROBE_KEY);
        } catch (RuntimeException e) {
            // the database fallback failed too: that is the db component's DOWN; Redis's own state is below
        }
        return state.redisDownSince()
                .map(since -> Health.status(DEGRADED).withDetail("downSince", since.toString()).build())
                .orElseGet(() -> Health.up().build());
    }
}
