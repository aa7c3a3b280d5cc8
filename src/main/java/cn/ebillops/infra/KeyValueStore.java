package cn.ebillops.infra;

import java.time.Duration;

/**
 * The little shared state several instances need: message de-duplication, counters for rate
 * limits, and locks with expiry. Redis in production; in-process when no Redis is configured.
 */
public interface KeyValueStore {

    /** Sets the key only if absent; true when this call set it (first sight of a message id). */
    boolean setIfAbsent(String key, String value, Duration ttl);

    /** Increments a counter, starting its expiry when the counter is new; returns the new value. */
    long increment(String key, Duration ttl);

    /** Current value, or null. */
    String get(String key);

    void delete(String key);

    /** Takes a lock held by {@code owner} for {@code ttl}; true when taken or already held by owner. */
    boolean tryLock(String name, String owner, Duration ttl);

    /** Extends the lock when {@code owner} still holds it; false when it was lost. */
    boolean renewLock(String name, String owner, Duration ttl);

    /** Releases the lock only when {@code owner} holds it. */
    void unlock(String name, String owner);
}
