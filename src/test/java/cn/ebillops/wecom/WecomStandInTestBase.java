package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.ebillops.channel.ChatSender;
import cn.ebillops.infra.KeyValueStore;
import cn.ebillops.sandbox.wecom.WecomStandIn;
import cn.ebillops.sandbox.wecom.WecomStandInDriver;
import cn.ebillops.sandbox.wecom.WecomStandInSocket;
import cn.ebillops.testsupport.BackgroundWork;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** One Spring context with every WeCom route pointed at the stand-in (shared by the test classes). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ebillops.sandbox.enabled=true",
        // the demo's setup: stand-ins and the console's person picker (EveryRouteBadInputTest posts as anyone)
        "ebillops.console.demo-picker=true",
        "wecom.api-base-url=http://127.0.0.1:${local.server.port}/sandbox/wecom",
        "wecom.aibot.bot-id=bot-test",
        "wecom.aibot.secret=bot-secret",
        "wecom.aibot.ws-url=ws://127.0.0.1:${local.server.port}/sandbox/wecom/aibot/ws",
        "wecom.aibot.token=aibotToken",
        "wecom.aibot.encoding-aes-key=" + WecomStandInTestBase.AIBOT_KEY,
        "wecom.app.corp-id=ww-test-corp",
        "wecom.app.agent-id=1000002",
        "wecom.app.secret=app-secret",
        "wecom.app.token=appToken",
        "wecom.app.encoding-aes-key=" + WecomCryptoTest.KEY,
        "wecom.robot.webhooks.wr_cashier=http://127.0.0.1:${local.server.port}/sandbox/wecom/cgi-bin/webhook/send?key=wr_cashier",
        "wecom.robot.dispatch-interval=100ms"})
abstract class WecomStandInTestBase {

    static final String AIBOT_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String FAULT = "@助手 开票失败";

    @Autowired WecomStandIn standIn;
    @Autowired WecomStandInDriver driver;
    @Autowired WecomStandInSocket socket;
    @Autowired WecomAppClient appClient;
    @Autowired ChatSender chatSender;
    @Autowired KeyValueStore store;
    @Autowired ObjectMapper mapper;
    @Autowired AibotSocket aibot;
    @Autowired RobotOutbox outbox;
    @Autowired @Qualifier("backgroundExecutor") ExecutorService background;

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Exactly {@code n} messages arrive in the chat on the route and, once all work is done, no more. */
    void exactly(int n, String chatId, String route) {
        await("%d message(s) to %s on %s".formatted(n, chatId, route)).atMost(Duration.ofSeconds(15))
                .until(() -> standIn.received(chatId, route).size() >= n);
        settle();
        assertThat(standIn.received(chatId, route)).as("messages to %s on %s once all work is done", chatId, route)
                .hasSize(n);
    }

    /**
     * A known point to count at: what the tests handed to the application so far is handled and
     * its answers have reached the stand-in. Follows each way a message can still be on its way:
     * frames on the long connection, the background executor, the group robot's outbox.
     */
    void settle() {
        boolean longConnection = aibot.isSubscribed();
        if (longConnection) {
            // The connection handles the stand-in's frames in order on one thread: once a marker
            // sent after them is answered, every earlier message was handed to the pipeline.
            String marker = unique("wr_marker_in_");
            assertThat(socket.userMessage(marker, "group", "chenxia", "@助手 /help", unique("marker-"))).isTrue();
            soon("the long connection answers a marker message")
                    .until(() -> !standIn.received(marker, "aibot").isEmpty());
        }
        BackgroundWork.drain(background);
        // the only chat with a robot webhook in this context; the dispatcher sends its outbox every 100 ms
        soon("the robot outbox of wr_cashier sent")
                .until(() -> outbox.pending("wr_cashier") == 0);
        if (longConnection && aibot.isSubscribed()) {
            // Frames to the stand-in are recorded in the order they were sent: once a marker pushed
            // after them is recorded, so is every earlier answer.
            String marker = unique("wr_marker_out_");
            assertThat(aibot.push(marker, "marker")).isTrue();
            soon("the stand-in records a pushed marker")
                    .until(() -> !standIn.received(marker, "aibot-push").isEmpty());
        }
    }

    /** Polls often: settle runs after every count, and these conditions usually hold within milliseconds. */
    private static ConditionFactory soon(String what) {
        return await(what).atMost(Duration.ofSeconds(15)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10));
    }
}
