package cn.ebillops.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A known point for tests of code that works in the background ("backgroundExecutor"): after
 * {@link #drain} everything handed to the pool before the call has finished, so a test can count
 * what was sent instead of watching a real-time window for late arrivals.
 */
public final class BackgroundWork {

    /** Generous: only a hung task reaches it, and then the test fails saying so. */
    private static final Duration MAX = Duration.ofSeconds(60);
    private static final int MAX_ROUNDS = 20;

    private BackgroundWork() {
    }

    /**
     * Parks one task on every thread of the pool at once. The queue is first in, first out, so
     * once all threads are parked every task queued before the parked ones has run to its end; a
     * task submitted meanwhile (e.g. a fault report's diagnosis, started by the report's own
     * processing) is still in the queue then, and another round waits for it.
     */
    public static void drain(ExecutorService executor) {
        if (!(executor instanceof ThreadPoolExecutor pool)) {
            throw new IllegalArgumentException("drain needs the ThreadPoolExecutor behind backgroundExecutor, got "
                    + executor.getClass().getName());
        }
        // a fixed pool: with every thread parked no task can start, so an empty queue means idle
        int threads = pool.getMaximumPoolSize();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (parkEveryThread(pool, threads)) {
                return;
            }
        }
        throw new AssertionError("background work kept arriving through " + MAX_ROUNDS + " drain rounds");
    }

    /** True when, with every thread parked, nothing was waiting in the queue. */
    private static boolean parkEveryThread(ThreadPoolExecutor pool, int threads) {
        CountDownLatch parked = new CountDownLatch(threads);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<?>> parkers = new ArrayList<>();
        boolean idle;
        try {
            for (int i = 0; i < threads; i++) {
                parkers.add(pool.submit(() -> {
                    parked.countDown();
                    release.await();
                    return null;
                }));
            }
            if (!parked.await(MAX.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("background work still running after " + MAX.toSeconds()
                        + " s (" + (threads - parked.getCount()) + " of " + threads + " threads free); queued: "
                        + pool.getQueue().size());
            }
            idle = pool.getQueue().isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while draining background work", e);
        } finally {
            release.countDown();
        }
        for (Future<?> f : parkers) {
            try {
                f.get(MAX.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while draining background work", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError("a drain task did not finish", e);
            }
        }
        return idle;
    }
}
