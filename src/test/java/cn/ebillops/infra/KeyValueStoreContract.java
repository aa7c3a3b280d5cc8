package cn.ebillops.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Behaviour both stores must share; subclasses supply the store and how time passes. */
abstract class KeyValueStoreContract {

    /** Long enough that real time never expires a key during a test: expiry happens only by {@link #elapse}. */
    static final Duration TTL = Duration.ofMinutes(1);
    static final Duration PAST_TTL = TTL.multipliedBy(2);

    abstract KeyValueStore store();

    /** Lets at least {@code d} pass for the store, without waiting for it. */
    abstract void elapse(Duration d);

    final String key = "t-" + UUID.randomUUID();

    @Test
    void setIfAbsentAdmitsFirstCallerOnlyUntilExpiry() {
        assertThat(store().setIfAbsent(key, "a", TTL)).isTrue();
        assertThat(store().setIfAbsent(key, "b", TTL)).isFalse();
        assertThat(store().get(key)).isEqualTo("a");
        elapse(PAST_TTL);
        assertThat(store().setIfAbsent(key, "c", TTL)).isTrue();
    }

    @Test
    void concurrentSetIfAbsentHasExactlyOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger winners = new AtomicInteger();
        try {
            var futures = new java.util.ArrayList<Future<?>>();
            for (int i = 0; i < 50; i++) {
                futures.add(pool.submit(() -> {
                    if (store().setIfAbsent(key, "x", Duration.ofMinutes(1))) {
                        winners.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(winners).hasValue(1);
    }

    @Test
    void counterCountsWithinItsWindowAndRestartsAfter() {
        assertThat(store().increment(key, TTL)).isEqualTo(1);
        assertThat(store().increment(key, TTL)).isEqualTo(2);
        elapse(PAST_TTL);
        assertThat(store().increment(key, TTL)).isEqualTo(1);
    }

    @Test
    void lockIsExclusiveRenewableAndReleasedOnlyByOwner() {
        assertThat(store().tryLock(key, "one", TTL)).isTrue();
        assertThat(store().tryLock(key, "two", TTL)).isFalse();
        assertThat(store().renewLock(key, "one", TTL)).isTrue();
        assertThat(store().renewLock(key, "two", TTL)).isFalse();
        store().unlock(key, "two");
        assertThat(store().tryLock(key, "two", TTL)).isFalse();
        store().unlock(key, "one");
        assertThat(store().tryLock(key, "two", TTL)).isTrue();
    }

    @Test
    void expiredLockPassesToTheNextInstance() {
        assertThat(store().tryLock(key, "dead", TTL)).isTrue();
        elapse(PAST_TTL);
        assertThat(store().renewLock(key, "dead", TTL)).isFalse();
        assertThat(store().tryLock(key, "next", TTL)).isTrue();
    }
}
