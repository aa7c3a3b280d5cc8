package cn.ebillops.infra;

import java.time.Clock;

class InMemoryKeyValueStoreTest extends ClockedStoreContract {

    @Override
    KeyValueStore storeOn(Clock clock) {
        return new InMemoryKeyValueStore(clock);
    }
}
