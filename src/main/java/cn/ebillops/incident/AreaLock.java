package cn.ebillops.incident;

import cn.ebillops.contract.Area;
import cn.ebillops.infra.KeyValueStore;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Makes opening an incident atomic per area, across instances: the lock lives in the
 * {@link KeyValueStore} (Redis, or the database), so two chats reporting the same fault at the same
 * moment get one incident. The wait is bounded: a lock still busy after {@link #WAIT} is an
 * {@link AreaBusy}, never a hang.
 */
final class AreaLock {

    /** Far longer than opening takes (a few inserts); a holder that died frees the area after this. */
    static final Duration TTL = Duration.ofSeconds(10);
    static final Duration WAIT = Duration.ofSeconds(5);
    /**
     * Pauses between tries double from the first to the cap: the holder usually finishes within
     * milliseconds, and a long wait should not hit the store (a network round trip) every few ms.
     */
    static final Duration FIRST_PAUSE = Duration.ofMillis(5);
    static final Duration MAX_PAUSE = Duration.ofMillis(100);

    /** The area's lock stayed taken for the whole wait. */
    static final class AreaBusy extends IllegalStateException {
        AreaBusy(Area area, Duration waited) {
            super("incident lock busy for area %s: still held by another opening after %d ms"
                    .formatted(area, waited.toMillis()));
        }
    }

    private final KeyValueStore store;
    private final Duration wait;

    AreaLock(KeyValueStore store) {
        this(store, WAIT);
    }

    AreaLock(KeyValueStore store, Duration wait) {
        this.store = store;
        this.wait = wait;
    }

    /** Runs {@code work} holding the area's lock; throws {@link AreaBusy} when it cannot be had within the wait. */
    <T> T run(Area area, Supplier<T> work) {
        String name = "incident:open:" + area.name();
        String owner = UUID.randomUUID().toString();
        acquire(area, name, owner);
        try {
            return work.get();
        } finally {
            store.unlock(name, owner);
        }
    }

    private void acquire(Area area, String name, String owner) {
        long waitUntil = System.nanoTime() + wait.toNanos(); // real time: a wait, not a business decision
        long pause = FIRST_PAUSE.toNanos();
        while (!store.tryLock(name, owner, TTL)) {
            long left = waitUntil - System.nanoTime();
            if (left <= 0) {
                throw new AreaBusy(area, wait);
            }
            // half fixed, half random: openings that collided once do not retry in step
            long jittered = pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1);
            sleep(Math.min(jittered, left), area);
            pause = Math.min(pause * 2, MAX_PAUSE.toNanos());
        }
    }

    private static void sleep(long nanos, Area area) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the incident lock of area " + area, e);
        }
    }
}
