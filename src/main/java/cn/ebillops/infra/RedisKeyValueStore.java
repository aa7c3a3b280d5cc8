package cn.ebillops.infra;

import java.time.Duration;
import java.util.List;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/** {@link KeyValueStore} on Redis; lock renew and release are atomic Lua scripts. */
public class RedisKeyValueStore implements KeyValueStore {

    private static final String RENEW = """
            if redis.call('get', KEYS[1]) == ARGV[1] then
              return redis.call('pexpire', KEYS[1], ARGV[2])
            end
            return 0""";
    private static final String UNLOCK = """
            if redis.call('get', KEYS[1]) == ARGV[1] then
              return redis.call('del', KEYS[1])
            end
            return 0""";
    private static final String INCR = """
            local n = redis.call('incr', KEYS[1])
            if n == 1 then redis.call('pexpire', KEYS[1], ARGV[1]) end
            return n""";

    private final JedisPooled jedis;
    private final String prefix;

    public RedisKeyValueStore(JedisPooled jedis, String prefix) {
        this.jedis = jedis;
        this.prefix = prefix;
    }

    private String k(String key) {
        return prefix + key;
    }

    @Override
    public boolean setIfAbsent(String key, String value, Duration ttl) {
        return "OK".equals(jedis.set(k(key), value, SetParams.setParams().nx().px(ttl.toMillis())));
    }

    @Override
    public long increment(String key, Duration ttl) {
        Object n = jedis.eval(INCR, List.of(k(key)), List.of(Long.toString(ttl.toMillis())));
        return ((Number) n).longValue();
    }

    @Override
    public String get(String key) {
        return jedis.get(k(key));
    }

    @Override
    public void delete(String key) {
        jedis.del(k(key));
    }

    @Override
    public boolean tryLock(String name, String owner, Duration ttl) {
        if (setIfAbsent(name, owner, ttl)) {
            return true;
        }
        return renewLock(name, owner, ttl);
    }

    @Override
    public boolean renewLock(String name, String owner, Duration ttl) {
        Object r = jedis.eval(RENEW, List.of(k(name)), List.of(owner, Long.toString(ttl.toMillis())));
        return ((Number) r).longValue() == 1L;
    }

    @Override
    public void unlock(String name, String owner) {
        jedis.eval(UNLOCK, List.of(k(name)), List.of(owner));
    }
}
