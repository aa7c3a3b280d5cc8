package cn.ebillops.infra;

import cn.ebillops.testsupport.MutableClock;
import java.time.Duration;

class InMemoryKeyValueStoreTest extends KeyValueStoreContract {

    private final MutableClock clock = MutableClock.at("2026-11-25T09:00:00+08:00");
    private final InMemoryKeyValueStore store = new InMemoryKeyValueStore(clock);

    @Override
    KeyValueStore store() {
        return store;
    }

    @Override
    void elapse(Duration d) {
        clock.advance(d);
    }
}
