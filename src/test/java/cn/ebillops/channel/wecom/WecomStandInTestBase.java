package cn.ebillops.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.ebillops.channel.ChatSender;
import cn.ebillops.infra.KeyValueStore;
import cn.ebillops.sandbox.wecom.WecomStandIn;
import cn.ebillops.sandbox.wecom.WecomStandInDriver;
import cn.ebillops.sandbox.wecom.WecomStandInSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** One Spring context with every WeCom route pointed at the stand-in (shared by the test classes). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ebillops.sandbox.enabled=true",
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

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Exactly {@code n} messages arrive in the chat on the route and no more follow. */
    void exactly(int n, String chatId, String route) {
        await().atMost(Duration.ofSeconds(15)).until(() -> standIn.received(chatId, route).size() >= n);
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
                .until(() -> standIn.received(chatId, route).size() == n);
    }

}
