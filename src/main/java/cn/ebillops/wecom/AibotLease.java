package cn.ebillops.wecom;

import cn.ebillops.infra.KeyValueStore;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which instance holds the AI bot's long connection. WeCom keeps one live connection per bot (a new
 * one kicks the old), so the instances elect a holder with a lock in the KeyValueStore: taken with an
 * expiry and renewed every {@link #renewEvery()}. When the holder dies the lock expires and the next
 * instance takes it within lock-ttl + one renewal; a graceful stop releases it at once.
 */
@Component
class AibotLease {

    private static final Logger log = LoggerFactory.getLogger(AibotLease.class);

    private final KeyValueStore store;
    private final WecomProperties.Aibot config;
    private final String instanceId = UUID.randomUUID().toString();

    // guarded by this
    private boolean held;

    AibotLease(WecomProperties props, KeyValueStore store) {
        this.config = props.aibot();
        this.store = store;
    }

    /** Renews the lease, or takes it when free; false when another instance holds it. */
    synchronized boolean hold() {
        if (held) {
            // an expired but free lock is simply taken again (e.g. after a long GC pause)
            if (store.renewLock(name(), instanceId, config.lockTtl())
                    || store.tryLock(name(), instanceId, config.lockTtl())) {
                return true;
            }
            log.warn("智能机器人长连接：锁已失去，交给其他实例");
            held = false;
            return false;
        }
        if (store.tryLock(name(), instanceId, config.lockTtl())) {
            held = true;
            log.info("智能机器人长连接：本实例成为连接持有者");
        }
        return held;
    }

    synchronized boolean held() {
        return held;
    }

    /** Lets another instance take over now instead of after the expiry. */
    synchronized void release() {
        if (held) {
            store.unlock(name(), instanceId);
            held = false;
        }
    }

    /** A quarter of the lock's lifetime (at most 5 s): three renewals may fail before it expires. */
    Duration renewEvery() {
        long ms = Math.min(config.lockTtl().toMillis() / 4, 5000);
        return Duration.ofMillis(Math.max(100, ms));
    }

    String name() {
        return "wecom:aibot:holder:" + config.botId();
    }
}
