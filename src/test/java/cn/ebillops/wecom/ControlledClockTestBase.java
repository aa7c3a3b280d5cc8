package cn.ebillops.wecom;

import cn.ebillops.channel.ChatSender;
import cn.ebillops.infra.InfraConfig;
import cn.ebillops.sandbox.wecom.WecomStandIn;
import cn.ebillops.sandbox.wecom.WecomStandInSocket;
import cn.ebillops.testsupport.MutableClock;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * A context whose clock the tests move: the robot dispatcher and the AI bot connection are driven
 * by hand (no background ticks), so minutes of rate limit and lock expiry take no time. The
 * in-process key-value store follows that clock; the same logic on Redis is tested by the other
 * WeCom contexts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // the in-process store: its expiries follow the moved clock, Redis's follow real time
        "ebillops.test.redis=false",
        "ebillops.sandbox.enabled=true",
        "wecom.api-base-url=http://127.0.0.1:${local.server.port}/sandbox/wecom",
        "wecom.aibot.bot-id=bot-clock",
        "wecom.aibot.secret=bot-secret",
        "wecom.aibot.ws-url=ws://127.0.0.1:${local.server.port}/sandbox/wecom/aibot/ws",
        "wecom.aibot.auto-start=false",
        "wecom.robot.auto-dispatch=false",
        "wecom.robot.webhooks.wr_burst=http://127.0.0.1:${local.server.port}/sandbox/wecom/cgi-bin/webhook/send?key=wr_burst",
        "wecom.robot.webhooks.wr_retry=http://127.0.0.1:${local.server.port}/sandbox/wecom/cgi-bin/webhook/send?key=wr_retry",
        "wecom.robot.webhooks.wr_outage=http://127.0.0.1:${local.server.port}/sandbox/wecom/cgi-bin/webhook/send?key=wr_outage",
        "wecom.robot.webhooks.wr_long=http://127.0.0.1:${local.server.port}/sandbox/wecom/cgi-bin/webhook/send?key=wr_long",
        "wecom.robot.webhooks.wr_lock=http://127.0.0.1:${local.server.port}/sandbox/wecom/cgi-bin/webhook/send?key=wr_lock",
        "wecom.robot.webhooks.wr_flat=http://127.0.0.1:${local.server.port}/sandbox/wecom/cgi-bin/webhook/send?key=wr_flat",
        "wecom.robot.webhooks.wr_flat_long=http://127.0.0.1:${local.server.port}/sandbox/wecom/cgi-bin/webhook/send?key=wr_flat_long",
        "wecom.robot.webhooks.wr_file=http://127.0.0.1:${local.server.port}/sandbox/wecom/cgi-bin/webhook/send?key=wr_file"})
@Import(ControlledClockTestBase.ClockConfig.class)
abstract class ControlledClockTestBase {

    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfig {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now(), InfraConfig.ZONE);
        }
    }

    @Autowired MutableClock clock;
    @Autowired WecomStandIn standIn;
    @Autowired WecomStandInSocket socket;
    @Autowired ChatSender chatSender;
    @Autowired RobotDispatcher dispatcher;
    @Autowired RobotOutbox outbox;
}
