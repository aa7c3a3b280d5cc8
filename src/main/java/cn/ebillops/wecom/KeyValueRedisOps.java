package cn.ebillops.wecom;

import cn.ebillops.infra.KeyValueStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import me.chanjar.weixin.common.redis.WxRedisOps;

/**
 * WxJava's Redis operations over the project's {@link KeyValueStore}, so the app's access token is
 * shared by every instance through Redis and, while Redis is down, through the database the store
 * falls back to (WxJava's own Jedis ops would fail the send instead). The store has no "time to
 * live" query, so a value is stored with its expiry in front ({@code <epoch millis> <value>}) and
 * the remaining seconds are read from that.
 */
final class KeyValueRedisOps implements WxRedisOps {

    /** How long a token refresh may hold the lock: far above one gettoken (10 s read timeout). */
    static final Duration LOCK_TTL = Duration.ofSeconds(30);
    /** How long a caller waits for another instance's refresh before giving up (retried as busy). */
    static final Duration LOCK_WAIT = Duration.ofSeconds(15);

    private final KeyValueStore store;
    private final Clock clock;

    KeyValueRedisOps(KeyValueStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String getValue(String key) {
        String stored = store.get(key);
        if (stored == null || remainingMillis(stored) <= 0) {
            return null;
        }
        return stored.substring(stored.indexOf(' ') + 1);
    }

    @Override
    public void setValue(String key, String value, int expire, TimeUnit unit) {
        Duration ttl = Duration.ofMillis(unit.toMillis(expire));
        store.delete(key);
        if (ttl.isNegative() || ttl.isZero()) {
            return;
        }
        Instant expiresAt = clock.instant().plus(ttl);
        // written under WxJava's token lock, so delete-then-set cannot interleave with another writer
        store.setIfAbsent(key, expiresAt.toEpochMilli() + " " + value, ttl);
    }

    /** Seconds left, or -2 when the key is absent or expired (Redis's TTL answer, which WxJava reads as expired). */
    @Override
    public Long getExpire(String key) {
        String stored = store.get(key);
        long millis = stored == null ? -1 : remainingMillis(stored);
        return millis <= 0 ? -2L : millis / 1000;
    }

    @Override
    public void expire(String key, int expire, TimeUnit unit) {
        String value = getValue(key);
        if (value == null || expire <= 0) {
            store.delete(key); // WxJava expires an invalid token with expire(key, 0)
            return;
        }
        setValue(key, value, expire, unit);
    }

    @Override
    public Lock getLock(String key) {
        return new StoreLock(key);
    }

    private long remainingMillis(String stored) {
        int space = stored.indexOf(' ');
        try {
            return Long.parseLong(stored.substring(0, Math.max(space, 0))) - clock.millis();
        } catch (NumberFormatException e) {
            return -1; // not written by this class: treated as absent, the next refresh overwrites it
        }
    }

    /** The store's expiring lock behind {@link Lock}: one owner id per acquisition, waits bounded. */
    private final class StoreLock implements Lock {
        private final String name;
        private final String owner = UUID.randomUUID().toString();

        StoreLock(String name) {
            this.name = name;
        }

        @Override
        public void lock() {
            try {
                if (!tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new WecomApiException(-1, "access_token 刷新锁被占用超过 " + LOCK_WAIT.toSeconds() + " 秒");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WecomApiException(-1, "interrupted waiting for the access_token lock");
            }
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            if (!tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new WecomApiException(-1, "access_token 刷新锁被占用超过 " + LOCK_WAIT.toSeconds() + " 秒");
            }
        }

        @Override
        public boolean tryLock() {
            return store.tryLock(name, owner, LOCK_TTL);
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(time);
            while (!tryLock()) {
                if (System.nanoTime() >= deadline) {
                    return false;
                }
                Thread.sleep(50); // another instance is fetching the token: it takes one round trip
            }
            return true;
        }

        @Override
        public void unlock() {
            store.unlock(name, owner);
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("a store lock has no conditions");
        }
    }
}
