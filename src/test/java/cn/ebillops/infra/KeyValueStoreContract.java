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

    abstract KeyValueStore store();

    /** Lets at least {@code d} pass for the store. */
    abstract void elapse(Duration d) throws InterruptedException;

    final String key = "t-" + UUID.randomUUID();

    @Test
    void setIfAbsentAdmitsFirstCallerOnlyUntilExpiry() throws Exception {
        assertThat(store().setIfAbsent(key, "a", Duration.ofMillis(300))).isTrue();
        assertThat(store().setIfAbsent(key, "b", Duration.ofMillis(300))).isFalse();
        assertThat(store().get(key)).isEqualTo("a");
        elapse(Duration.ofMillis(600));
        assertThat(store().setIfAbsent(key, "c", Duration.ofMillis(300))).isTrue();
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
    void counterCountsWithinItsWindowAndRestartsAfter() throws Exception {
        assertThat(store().increment(key, Duration.ofMillis(300))).isEqualTo(1);
        assertThat(store().increment(key, Duration.ofMillis(300))).isEqualTo(2);
        elapse(Duration.ofMillis(600));
        assertThat(store().increment(key, Duration.ofMillis(300))).isEqualTo(1);
    }

    @Test
    void lockIsExclusiveRenewableAndReleasedOnlyByOwner() throws Exception {
        assertThat(store().tryLock(key, "one", Duration.ofMillis(400))).isTrue();
        assertThat(store().tryLock(key, "two", Duration.ofMillis(400))).isFalse();
        assertThat(store().renewLock(key, "one", Duration.ofMillis(400))).isTrue();
        assertThat(store().renewLock(key, "two", Duration.ofMillis(400))).isFalse();
        store().unlock(key, "two");
        assertThat(store().tryLock(key, "two", Duration.ofMillis(400))).isFalse();
        store().unlock(key, "one");
        assertThat(store().tryLock(key, "two", Duration.ofMillis(400))).isTrue();
    }

    @Test
    void expiredLockPassesToTheNextInstance() throws Exception {
        assertThat(store().tryLock(key, "dead", Duration.ofMillis(300))).isTrue();
        elapse(Duration.ofMillis(600));
        assertThat(store().renewLock(key, "dead", Duration.ofMillis(300))).isFalse();
        assertThat(store().tryLock(key, "next", Duration.ofMillis(300))).isTrue();
    }
}
