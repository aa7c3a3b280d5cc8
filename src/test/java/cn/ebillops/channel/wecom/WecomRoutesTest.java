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
        assertThat(standIn.received(chat)).hasSize(1);
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
        assertThat(standIn.received(chat)).hasSize(1);
    }

    @Test
    void appDirectMessageIsAnsweredOnceThroughMessageSend() {
        String user = unique("u");
        String xml = driver.appText(user, "/help", unique("m"));
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
    void longConnectionHolderKeepsALockWithExpiry() {
        await().atMost(Duration.ofSeconds(15)).until(socket::connected);
        assertThat(store.get("wecom:aibot:holder:bot-test")).isNotNull();
    }
}
