package cn.ebillops.wecom;

import cn.ebillops.infra.KeyValueStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * At most N messages per robot in any 60 seconds, shared by all instances through the
 * {@link KeyValueStore}: N slots per robot, a send takes a free slot for a minute. Unlike a
 * per-minute counter this also holds across the boundary of two minutes (no 2N burst).
 */
@Component
class RobotRateLimiter {

    // a second of margin against clock drift between us and WeCom
    static final Duration SLOT = Duration.ofSeconds(61);

    private final KeyValueStore store;
    private final int perMinute;

    public RobotRateLimiter(KeyValueStore store, WecomProperties props) {
        this.store = store;
        this.perMinute = props.robot().perMinute();
    }

    public boolean tryAcquire(String robotKey) {
        for (int slot = 0; slot < perMinute; slot++) {
            if (store.setIfAbsent("wecom:robot:" + robotKey + ":slot:" + slot, "1", SLOT)) {
                return true;
            }
        }
        return false;
    }

    /** A stable, non-secret name for a webhook URL (the URL itself holds the robot's key). */
    public static String robotKey(String webhookUrl) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(webhookUrl.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
