package cn.ebillops.infra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Single-instance fallback for {@link KeyValueStore}; expiry is checked on access. */
public class InMemoryKeyValueStore implements KeyValueStore {

    private record Entry(String value, Instant expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryKeyValueStore(Clock clock) {
        this.clock = clock;
    }

    private boolean live(Entry e) {
        return e != null && clock.instant().isBefore(e.expiresAt());
    }

    private Instant expiry(Duration ttl) {
        return clock.instant().plus(ttl);
    }

    @Override
    public boolean setIfAbsent(String key, String value, Duration ttl) {
        boolean[] set = {false};
        entries.compute(key, (k, old) -> {
            if (live(old)) {
                return old;
            }
            set[0] = true;
            return new Entry(value, expiry(ttl));
        });
        return set[0];
    }

    @Override
    public long increment(String key, Duration ttl) {
        Entry e = entries.compute(key, (k, old) -> live(old)
                ? new Entry(Long.toString(Long.parseLong(old.value()) + 1), old.expiresAt())
                : new Entry("1", expiry(ttl)));
        return Long.parseLong(e.value());
    }

    @Override
    public String get(String key) {
        Entry e = entries.get(key);
        return live(e) ? e.value() : null;
    }

    @Override
    public void delete(String key) {
        entries.remove(key);
    }

    @Override
    public boolean tryLock(String name, String owner, Duration ttl) {
        Entry e = entries.compute(name, (k, old) -> !live(old) || old.value().equals(owner)
                ? new Entry(owner, expiry(ttl)) : old);
        return e.value().equals(owner);
    }

    @Override
    public boolean renewLock(String name, String owner, Duration ttl) {
        Entry e = entries.computeIfPresent(name, (k, old) -> live(old) && old.value().equals(owner)
                ? new Entry(owner, expiry(ttl)) : old);
        return e != null && e.value().equals(owner) && live(e);
    }

    @Override
    public void unlock(String name, String owner) {
        entries.computeIfPresent(name, (k, old) -> old.value().equals(owner) ? null : old);
    }
}
