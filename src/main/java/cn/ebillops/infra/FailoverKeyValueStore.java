package cn.ebillops.infra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Redis while it answers, the database while it does not: the assistant is degraded (slower, and a
 * lock or counter held in Redis at the moment it went away is not seen), never down. While Redis is
 * down it is tried again every {@link #PROBE_EVERY}; the first answer ends the degraded state.
 */
final class FailoverKeyValueStore implements KeyValueStore, StateStoreHealth {

    private static final Logger log = LoggerFactory.getLogger(FailoverKeyValueStore.class);
    /** Real time between probes of a Redis that is down: a wait, not a business deadline. */
    static final Duration PROBE_EVERY = Duration.ofSeconds(10);

    private final KeyValueStore redis;
    private final KeyValueStore database;
    private final Clock clock;
    private final Duration probeEvery;
    private volatile Instant downSince;
    private volatile long nextProbeNanos;

    public FailoverKeyValueStore(KeyValueStore redis, KeyValueStore database, Clock clock) {
        this(redis, database, clock, PROBE_EVERY);
    }

    FailoverKeyValueStore(KeyValueStore redis, KeyValueStore database, Clock clock, Duration probeEvery) {
        this.redis = redis;
        this.database = database;
        this.clock = clock;
        this.probeEvery = probeEvery;
    }

    @Override
    public Optional<Instant> redisDownSince() {
        return Optional.ofNullable(downSince);
    }

    @Override
    public boolean setIfAbsent(String key, String value, Duration ttl) {
        return call(s -> s.setIfAbsent(key, value, ttl));
    }

    @Override
    public long increment(String key, Duration ttl) {
        return call(s -> s.increment(key, ttl));
    }

    @Override
    public String get(String key) {
        return call(s -> s.get(key));
    }

    @Override
    public void delete(String key) {
        call(s -> {
            s.delete(key);
            return null;
        });
    }

    @Override
    public boolean tryLock(String name, String owner, Duration ttl) {
        return call(s -> s.tryLock(name, owner, ttl));
    }

    @Override
    public boolean renewLock(String name, String owner, Duration ttl) {
        return call(s -> s.renewLock(name, owner, ttl));
    }

    @Override
    public void unlock(String name, String owner) {
        call(s -> {
            s.unlock(name, owner);
            return null;
        });
    }

    private <T> T call(Function<KeyValueStore, T> op) {
        if (downSince != null && System.nanoTime() < nextProbeNanos) {
            return op.apply(database);
        }
        try {
            T result = op.apply(redis);
            if (downSince != null) {
                log.info("Redis answers again (down since {}); shared state back on Redis", downSince);
                downSince = null;
            }
            return result;
        } catch (JedisException e) {
            if (downSince == null) {
                downSince = clock.instant();
                log.warn("Redis unavailable ({}); shared state on the database until it answers again", e.toString());
            }
            nextProbeNanos = System.nanoTime() + probeEvery.toNanos();
            return op.apply(database);
        }
    }
}
