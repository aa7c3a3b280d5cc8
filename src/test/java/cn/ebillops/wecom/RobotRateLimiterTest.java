package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.infra.InMemoryKeyValueStore;
import cn.ebillops.testsupport.MutableClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** WeCom allows a group robot 20 messages a minute; the limiter keeps under it across minute boundaries. */
class RobotRateLimiterTest {

    private final MutableClock clock = MutableClock.at("2026-12-04T10:00:30+08:00");
    private final InMemoryKeyValueStore store = new InMemoryKeyValueStore(clock);

    private RobotRateLimiter limiter(int perMinute) {
        WecomProperties.Robot robot = new WecomProperties.Robot(Map.of(), perMinute, true, Duration.ofSeconds(1));
        return new RobotRateLimiter(store, new WecomProperties("https://qyapi.weixin.qq.com", null, null, robot));
    }

    private static int acquired(RobotRateLimiter l, String robot, int attempts) {
        int n = 0;
        for (int i = 0; i < attempts; i++) {
            if (l.tryAcquire(robot)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void allowsTwentyMessagesAMinuteAndRefusesTheTwentyFirst() {
        RobotRateLimiter l = limiter(20);
        assertThat(acquired(l, "r1", 20)).isEqualTo(20);
        assertThat(l.tryAcquire("r1")).isFalse();
    }

    @Test
    void noBurstAcrossTheMinuteBoundarySlotsFreeOnlySixtyOneSecondsAfterUse() {
        RobotRateLimiter l = limiter(3);
        assertThat(acquired(l, "r1", 3)).isEqualTo(3);
        clock.advance(Duration.ofSeconds(60)); // a new calendar minute, but not 60 s for the slots
        assertThat(l.tryAcquire("r1")).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(acquired(l, "r1", 5)).isEqualTo(3);
    }

    @Test
    void eachRobotHasItsOwnBudget() {
        RobotRateLimiter l = limiter(1);
        assertThat(l.tryAcquire("r1")).isTrue();
        assertThat(l.tryAcquire("r1")).isFalse();
        assertThat(l.tryAcquire("r2")).isTrue();
    }

    @Test
    void robotKeyIsAStableShortHashThatHidesTheWebhookKey() {
        String url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx";
        String key = RobotRateLimiter.robotKey(url);
        assertThat(key).hasSize(16).matches("[0-9a-f]{16}").isEqualTo(RobotRateLimiter.robotKey(url))
                .isNotEqualTo(RobotRateLimiter.robotKey(url + "x"));
        assertThat(url).doesNotContain(key);
        // SHA-256("abc") starts ba7816bf8f01cfea
        assertThat(RobotRateLimiter.robotKey("abc")).isEqualTo("ba7816bf8f01cfea");
    }
}
