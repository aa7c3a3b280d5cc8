package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.ebillops.channel.ChatSender;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.infra.KeyValueStore;
import cn.ebillops.sandbox.wecom.WecomStandIn;
import cn.ebillops.sandbox.wecom.WecomStandInDriver;
import cn.ebillops.sandbox.wecom.WecomStandInSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Every WeCom route end to end against the stand-in on loopback (real encryption, real sockets). */
class WecomRoutesTest extends WecomStandInTestBase {

    @Test
    void aibotCallbackUrlCheckAnswersThePlainEchoString() {
        HttpResponse<String> r = driver.urlCheck("/wecom/aibot/callback", driver.aibotCrypto(), "echo-4711");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("echo-4711");
    }

    @Test
    void appCallbackUrlCheckAnswersThePlainEchoString() {
        HttpResponse<String> r = driver.urlCheck("/wecom/app/callback", driver.appCrypto(), "1616140317555161061");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("1616140317555161061");
    }

    @Test
    void groupFaultViaCallbackGetsExactlyOneAnswerInThatGroupAlsoWhenRetriedThreeTimes() {
        String chat = unique("wr_cb_");
        String json = driver.aibotText(chat, "chenxia", FAULT, unique("msg-"));
        for (int i = 0; i < 4; i++) { // the original and WeCom's three retries
            HttpResponse<String> r = driver.postAibot(json);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEmpty();
        }
        exactly(1, chat, "response_url");
        // A second processing would call the used-up response_url again (refused, 40003) and then send
        // the answer round by the AI bot push: both would show here.
        assertThat(standIn.responseUrlCalls(chat)).isEqualTo(1);
        String answer = standIn.received(chat, "response_url").get(0).text();
        assertThat(answer).as("the fault was understood").contains("故障单");
        assertThat(standIn.received(chat)).filteredOn(r -> !r.route().equals("response_url"))
                .noneMatch(r -> r.text().startsWith(answer.substring(0, Math.min(20, answer.length()))));
    }

    @Test
    void enterChatEventGetsAnEncryptedWelcomeWithMsgsignature() {
        String json = """
                {"msgid":"%s","aibotid":"bot-test","chattype":"single","from":{"userid":"chenxia"},
                 "msgtype":"event","event":{"eventtype":"enter_chat"}}""".formatted(unique("ev-"));
        HttpResponse<String> r = driver.postAibot(json);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode reply = mapper.readTree(r.body());
        WecomCrypto crypto = driver.aibotCrypto();
        assertThat(crypto.verify(reply.path("msgsignature").asString(), reply.path("timestamp").asString(),
                reply.path("nonce").asString(), reply.path("encrypt").asString())).isTrue();
        assertThat(crypto.decrypt(reply.path("encrypt").asString())).contains("电子票据运维助手");
    }

    @Test
    void groupFaultViaLongConnectionGetsExactlyOneStreamAnswerAlsoWhenRetriedThreeTimes() {
        await().atMost(Duration.ofSeconds(15)).until(socket::connected);
        String chat = unique("wr_ws_");
        String msgId = unique("msg-");
        for (int i = 0; i < 4; i++) {
            assertThat(socket.userMessage(chat, "group", "chenxia", FAULT, msgId)).isTrue();
        }
        exactly(1, chat, "aibot");
        assertThat(standIn.received(chat, "aibot").get(0).text()).as("the fault was understood").contains("故障单");
    }

    /** "/票票…" is an unknown command whose name the answer repeats: an answer of 3 bytes per 票. */
    private static String longCommand(int chars) {
        return "/" + "票".repeat(chars);
    }

    private static void assertWholeAnswerInParts(List<String> parts, int chars) {
        assertThat(parts).allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(20480));
        String whole = String.join("", parts);
        assertThat(whole).startsWith("未知命令 `/票").endsWith("票`。发送 /help 查看全部命令。");
        assertThat(whole.chars().filter(c -> c == '票').count()).isEqualTo(chars);
    }

    @Test
    void anAnswerOverTheStreamLimitIsStreamedThenPushedNotCutOff() {
        await().atMost(Duration.ofSeconds(15)).until(socket::connected);
        String chat = unique("wr_long_ws_");
        // about 45 KB: one stream of 20480 bytes, the rest in two pushed messages
        assertThat(socket.userMessage(chat, "group", "chenxia", "@助手 " + longCommand(15000), unique("msg-")))
                .isTrue();
        exactly(1, chat, "aibot");
        exactly(2, chat, "aibot-push");
        List<String> parts = new ArrayList<>();
        parts.add(standIn.received(chat, "aibot").get(0).text());
        standIn.received(chat, "aibot-push").forEach(r -> parts.add(r.text()));
        assertWholeAnswerInParts(parts, 15000);
    }

    @Test
    void anAnswerOverTheResponseUrlLimitGoesOnInFurtherMessagesNotCutOff() {
        String chat = unique("wr_long_cb_");
        // about 24 KB (the callback body itself may not exceed 64 KB)
        assertThat(driver.postAibot(driver.aibotText(chat, "chenxia", "@助手 " + longCommand(8000), unique("msg-")))
                .statusCode()).isEqualTo(200);
        exactly(1, chat, "response_url");
        // the response_url works once: the rest goes by the group's other route (here the AI bot push)
        exactly(1, chat, "aibot-push");
        String rest = standIn.received(chat, "aibot-push").get(0).text();
        assertThat(rest).endsWith("\n<@chenxia>");
        assertWholeAnswerInParts(List.of(standIn.received(chat, "response_url").get(0).text(),
                rest.substring(0, rest.length() - "\n<@chenxia>".length())), 8000);
    }

    @Test
    void anAnswerWhoseResponseUrlIsUsedUpGoesRoundByTheGroupRobotOnce() {
        String user = unique("u");
        String used = standIn.newResponseUrlId("wr_cashier");
        assertThat(standIn.useResponseUrl(used, "先用掉")).isZero();
        String json = driver.aibotText("wr_cashier", user, "@助手 /help", unique("msg-"))
                .replaceAll("/sandbox/wecom/response/[^\"]+", "/sandbox/wecom/response/" + used);
        for (int i = 0; i < 4; i++) { // the original and WeCom's three retries
            assertThat(driver.postAibot(json).statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !answersMentioning("wr_cashier", user).isEmpty());
        settle();
        assertThat(answersMentioning("wr_cashier", user)).as("the answer, sent round once").singleElement()
                .satisfies(t -> assertThat(t).contains("/inspect"));
        assertThat(standIn.received("wr_cashier", "response_url")).noneMatch(r -> r.text().contains(user));
    }

    @Test
    void anAppAnswerWhoseSendFailedGoesRoundAndArrivesOnce() {
        String user = unique("u");
        standIn.injectMessageSendErrors(user, List.of(48002));
        // a short answer (one app message; /help is over the app's 2048 bytes and comes in two parts)
        String xml = driver.appText(user, "/whoami", unique("m"));
        for (int i = 0; i < 4; i++) {
            assertThat(driver.postApp(xml).statusCode()).isEqualTo(200);
        }
        exactly(1, user, "app");
        assertThat(standIn.received(user, "app").get(0).text()).contains("userid：`" + user + "`");
    }

    private List<String> answersMentioning(String chat, String user) {
        return standIn.received(chat, "robot").stream().map(WecomStandIn.Received::text)
                .filter(t -> t.contains("<@" + user + ">")).toList();
    }

    @Test
    void appDirectMessageIsAnsweredOnceThroughMessageSend() {
        String user = unique("u");
        String xml = driver.appText(user, "/whoami", unique("m"));
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> r = driver.postApp(xml);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEmpty();
        }
        exactly(1, user, "app");
    }

    @Test
    void cardButtonClickGoesThroughTheIncidentServiceAndItsRoleCheck() {
        String user = unique("eng");
        appClient.sendButtonCard(user, "task-12", "故障单 #12 开票失败", "门诊收费处", CardActions.incidentButtons(12));
        assertThat(standIn.received(user, "app")).singleElement()
                .satisfies(r -> assertThat(r.text()).contains("incident:ACK:12", "incident:ONSITE:12", "incident:RESOLVE:12"));
        String click = driver.appCardClick(user, "incident:ACK:12", "task-12");
        driver.postApp(click);
        driver.postApp(click); // retried callback acts once
        exactly(2, user, "app");
        // an unknown WeCom user is staff: the incident service refuses and says why
        assertThat(standIn.received(user, "app").get(1).text()).contains("只有运维工程师或管理员可以接单");
    }

    @Test
    void aDirectMessageWithButtonsArrivesAsTextThenAButtonCard() {
        String user = unique("eng");
        chatSender.send(cn.ebillops.channel.OutboundMessage.toPerson(user, "🚨 **升级（第 1 级）**：故障单 #5 开票失败\n请尽快接单")
                .withButtons(java.util.List.of(new cn.ebillops.channel.OutboundMessage.Button("接单", "incident:ACK:5"),
                        new cn.ebillops.channel.OutboundMessage.Button("已解决", "incident:RESOLVE:5"))));
        assertThat(standIn.received(user, "app")).hasSize(2);
        assertThat(standIn.received(user, "app").get(0).text()).contains("请尽快接单");
        assertThat(standIn.received(user, "app").get(1).text()).contains("incident:ACK:5", "incident:RESOLVE:5", "升级（第 1 级）");
    }

    @Test
    void aibotCardClickViaCallbackIsAnsweredThroughTheResponseUrl() {
        String chat = unique("wr_card_");
        String plain = driver.aibotText(chat, "zhanggong", "", unique("ev-"))
                .replace("\"msgtype\":\"text\"", "\"msgtype\":\"event\",\"event\":{\"eventtype\":\"template_card_event\","
                        + "\"template_card_event\":{\"card_type\":\"button_interaction\",\"event_key\":\"incident:ONSITE:7\"}}");
        assertThat(driver.postAibot(plain).statusCode()).isEqualTo(200);
        exactly(1, chat, "response_url");
        assertThat(standIn.received(chat).get(0).text()).contains("找不到故障单 #7");
    }

    @Test
    void accessTokenIsCachedAndRefreshedOnceWhenExpired() {
        String user = unique("u");
        appClient.sendMarkdown(user, "一");
        int issued = standIn.tokensIssued();
        appClient.sendMarkdown(user, "二");
        assertThat(standIn.tokensIssued()).isEqualTo(issued);
        standIn.expireTokens();
        appClient.sendMarkdown(user, "三");
        assertThat(standIn.tokensIssued()).isEqualTo(issued + 1);
        assertThat(standIn.received(user, "app")).extracting(WecomStandIn.Received::text).containsExactly("一", "二", "三");
    }

    @Test
    void chatSenderDeliversDirectMessagesByTheAppAndGroupNoticesByTheRobot() {
        String user = unique("eng");
        String notice = unique("巡检完成 ");
        chatSender.toPerson(user, "升级通知：开票失败超过 30 分钟");
        chatSender.toGroup("wr_cashier", notice);
        assertThat(standIn.received(user, "app")).extracting(WecomStandIn.Received::text)
                .containsExactly("升级通知：开票失败超过 30 分钟");
        await().atMost(Duration.ofSeconds(10)).until(() -> standIn.received("wr_cashier", "robot").stream()
                .anyMatch(r -> r.text().contains(notice)));
    }

    @Test
    void anEscalationWhoseSendFailedIsSentWhenRetried() {
        String engineer = unique("eng");
        OutboundMessage dm = OutboundMessage.toPerson(engineer, "🚨 升级（第 1 级）：开票失败超过 30 分钟")
                .withDedupKey(unique("incident:1:RESPONSE:0"));
        standIn.injectMessageSendErrors(engineer, List.of(48002));
        assertThat(chatSender.send(dm)).as("the caller learns that it failed").isFalse();
        assertThat(standIn.received(engineer, "app")).isEmpty();

        assertThat(chatSender.send(dm)).isTrue();
        assertThat(standIn.received(engineer, "app")).extracting(WecomStandIn.Received::text)
                .containsExactly("🚨 升级（第 1 级）：开票失败超过 30 分钟");
        chatSender.send(dm); // once sent, the same key is a repeat
        assertThat(standIn.received(engineer, "app")).hasSize(1);
    }

    @Test
    void longConnectionHolderKeepsALockNoOtherInstanceCanTake() {
        await().atMost(Duration.ofSeconds(15)).until(socket::connected);
        // held by this instance's id; its expiry and the takeover are in AibotTakeoverTest
        assertThat(store.get("wecom:aibot:holder:bot-test"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(store.tryLock("wecom:aibot:holder:bot-test", "another-instance", Duration.ofSeconds(30))).isFalse();
    }
}
