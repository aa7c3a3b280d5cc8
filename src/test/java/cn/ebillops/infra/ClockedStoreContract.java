package cn.ebillops.infra;

import cn.ebillops.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;

/** The contract for the stores that judge expiry by the injected clock: time passes by advancing it. */
abstract class ClockedStoreContract extends KeyValueStoreContract {

    final MutableClock clock = MutableClock.at("2026-11-25T09:00:00+08:00");
    private final KeyValueStore store = storeOn(clock);

    /** The store under test, reading time from {@code clock}. */
    abstract KeyValueStore storeOn(Clock clock);

    @Override
    KeyValueStore store() {
        return store;
    }

    @Override
    void elapse(Duration d) {
        clock.advance(d);
    }
}
