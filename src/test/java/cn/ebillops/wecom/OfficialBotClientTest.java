package cn.ebillops.wecom;

import static cn.ebillops.wecom.NodeSdkProcess.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.ebillops.sandbox.wecom.StandInAcks;
import cn.ebillops.sandbox.wecom.StandInFrames.Event;
import cn.ebillops.sandbox.wecom.StandInFrames.Inbound;
import cn.ebillops.sandbox.wecom.StandInMedia;
import cn.ebillops.sandbox.wecom.WecomStandIn;
import cn.ebillops.sandbox.wecom.WecomStandInSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15 item 1(a): WeCom's official bot client (@wecom/aibot-node-sdk 1.0.7, WSClient, run by
 * src/test/node/wecom-sdk/bot-client.mjs) against the assistant's WeCom stand-in. The SDK subscribes and
 * pings; every message and event type the stand-in injects reaches the SDK's handler for it with the
 * fields the SDK's types declare; the SDK's replies (stream, welcome, card update, push) are taken, acked
 * per req_id and recorded per chat; an injected errcode rejects the SDK's promise with that errcode. So the
 * stand-in the assistant is tested against speaks WeCom's protocol as WeCom's own client expects it.
 * The assistant's own long connection stays off here (no ws-url): the SDK is the only bot.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ebillops.sandbox.enabled=true",
        "wecom.aibot.bot-id=bot-official",
        "wecom.aibot.secret=bot-official-secret",
        "wecom.aibot.auto-start=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfficialBotClientTest {

    @Autowired WecomStandInSocket socket;
    @Autowired WecomStandIn standIn;
    @Autowired StandInMedia media;
    @LocalServerPort int port;

    private NodeSdkProcess sdk;

    @BeforeAll
    void startTheOfficialClient() {
        sdk = NodeSdkProcess.start("bot-client.mjs", Map.of(
                "WS_URL", "ws://127.0.0.1:" + port + WecomStandInSocket.PATH,
                "BOT_ID", "bot-official", "SECRET", "bot-official-secret",
                "HEARTBEAT_MS", "300"), Duration.ofSeconds(120));
        sdk.await("authenticated (subscribe acked)", event("authenticated"));
        await().atMost(Duration.ofSeconds(5)).until(socket::connected);
    }

    @AfterAll
    void stopIt() {
        if (sdk != null) {
            sdk.close();
        }
    }

    @BeforeEach
    void cleanAcks() {
        socket.acks().clear();
    }

    @Test
    @Order(1)
    void everyMessageTypeReachesItsHandlerWithTheDeclaredFieldsAndTheStreamReplyIsTaken() {
        String chat = "wr_sdk_" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode text = deliver(chat, Inbound.text("@助手 开票失败"), "message.text");
        assertThat(text.at("/body/text/content").asString()).isEqualTo("@助手 开票失败");
        assertThat(text.at("/body/chatid").asString()).isEqualTo(chat);
        assertThat(text.at("/body/chattype").asString()).isEqualTo("group");
        assertThat(text.at("/body/from/userid").asString()).isEqualTo("chenxia");
        assertThat(text.at("/body/aibotid").asString()).isEqualTo("bot-official");
        assertThat(text.at("/body/create_time").isNumber()).isTrue();

        JsonNode image = deliver(chat, Inbound.image("https://example.invalid/i", "a2V5"), "message.image");
        assertThat(image.at("/body/image/url").asString()).isEqualTo("https://example.invalid/i");
        assertThat(image.at("/body/image/aeskey").asString()).isEqualTo("a2V5");

        JsonNode mixed = deliver(chat, Inbound.mixed("看这张图", "https://example.invalid/m", "a2V5"), "message.mixed");
        assertThat(mixed.at("/body/mixed/msg_item/0/msgtype").asString()).isEqualTo("text");
        assertThat(mixed.at("/body/mixed/msg_item/0/text/content").asString()).isEqualTo("看这张图");
        assertThat(mixed.at("/body/mixed/msg_item/1/image/url").asString()).isEqualTo("https://example.invalid/m");

        JsonNode voice = deliver(chat, Inbound.voice("开票失败了"), "message.voice");
        assertThat(voice.at("/body/voice/content").asString()).isEqualTo("开票失败了");

        JsonNode file = deliver(chat, Inbound.file("https://example.invalid/f", "a2V5"), "message.file");
        assertThat(file.at("/body/file/url").asString()).isEqualTo("https://example.invalid/f");

        JsonNode quoted = deliver(chat, Inbound.text("这个解决了没").quoting(Inbound.text("开票失败")), "message.text");
        assertThat(quoted.at("/body/quote/msgtype").asString()).isEqualTo("text");
        assertThat(quoted.at("/body/quote/text/content").asString()).isEqualTo("开票失败");

        // six callbacks, each answered with three stream frames, every frame acked 0 on its own req_id
        for (JsonNode m : new JsonNode[] {text, image, mixed, voice, file, quoted}) {
            JsonNode replied = replied(m.path("reqId").asString());
            assertThat(replied.path("results")).hasSize(3).allSatisfy(r -> assertThat(r.path("ok").asBoolean()).isTrue());
            assertThat(socket.acks().sent()).filteredOn(a -> a.reqId().equals(m.path("reqId").asString()))
                    .extracting(StandInAcks.Sent::cmd, StandInAcks.Sent::errcode)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("aibot_respond_msg", 0),
                            org.assertj.core.groups.Tuple.tuple("aibot_respond_msg", 0),
                            org.assertj.core.groups.Tuple.tuple("aibot_respond_msg", 0));
        }
        // what the group sees: each finished stream once, not the placeholder frames
        assertThat(standIn.received(chat, "aibot")).extracting(WecomStandIn.Received::text).containsExactly(
                "收到 text，已处理", "收到 image，已处理", "收到 mixed，已处理", "收到 voice，已处理", "收到 file，已处理",
                "收到 text，已处理");
    }

    @Test
    @Order(2)
    void eventsReachTheirHandlersAndTheWelcomeAndCardUpdateAreTaken() {
        String user = "u_" + UUID.randomUUID().toString().substring(0, 6);
        String enterReq = socket.event(user, "single", user, Event.enterChat());
        JsonNode enter = sdk.await("enter_chat", l -> enterReq.equals(l.path("reqId").asString())
                && "event.enter_chat".equals(l.path("event").asString()));
        assertThat(enter.at("/body/msgtype").asString()).isEqualTo("event");
        assertThat(enter.at("/body/event/eventtype").asString()).isEqualTo("enter_chat");
        assertThat(enter.at("/body/from/userid").asString()).isEqualTo(user);
        assertThat(enter.at("/body/chattype").asString()).isEqualTo("single");
        assertThat(enter.at("/body/msgid").asString()).isNotBlank();
        assertThat(replied(enterReq).at("/results/0/ok").asBoolean()).isTrue();
        assertThat(standIn.received(user, "aibot-welcome")).extracting(WecomStandIn.Received::text)
                .containsExactly("您好，我是运维助手");

        String chat = "wr_card_" + UUID.randomUUID().toString().substring(0, 6);
        String cardReq = socket.event(chat, "group", "zhanggong", Event.templateCard("button_interaction", "ack:INC-1", "task-1"));
        JsonNode card = sdk.await("template_card_event", l -> cardReq.equals(l.path("reqId").asString())
                && "event.template_card_event".equals(l.path("event").asString()));
        assertThat(card.at("/body/event/template_card_event/event_key").asString()).isEqualTo("ack:INC-1");
        assertThat(card.at("/body/event/template_card_event/task_id").asString()).isEqualTo("task-1");
        assertThat(replied(cardReq).at("/results/0/ok").asBoolean()).isTrue();
        assertThat(socket.acks().sent()).filteredOn(a -> a.reqId().equals(cardReq))
                .extracting(StandInAcks.Sent::cmd).containsExactly("aibot_respond_update_msg");
        assertThat(standIn.received(chat, "aibot-update")).extracting(WecomStandIn.Received::text)
                .containsExactly("[卡片] 已接单");

        String fbReq = socket.event(chat, "group", "chenxia", Event.feedback("fb-1", 2, "答非所问"));
        JsonNode fb = sdk.await("feedback_event", l -> fbReq.equals(l.path("reqId").asString()));
        assertThat(fb.path("event").asString()).isEqualTo("event.feedback_event");
        assertThat(fb.at("/body/event/feedback_event/id").asString()).isEqualTo("fb-1");
    }

    @Test
    @Order(3)
    void aPushIsTakenAndAckedWithOrWithoutTheCmdInTheAck() {
        String chat = "wr_push_" + UUID.randomUUID().toString().substring(0, 6);
        sdk.send(Map.of("op", "send", "chatid", chat, "content", "**巡检完成**"));
        socket.acks().echoCmd(true); // for the next one: the SDK matches acks by req_id either way
        sdk.send(Map.of("op", "send", "chatid", chat, "content", "第二条"));
        await().atMost(Duration.ofSeconds(10)).until(() -> sentTo(chat).size() == 2);
        assertThat(sentTo(chat)).allSatisfy(s -> assertThat(s.path("ok").asBoolean()).as(s.toString()).isTrue());
        assertThat(standIn.received(chat, "aibot-push")).extracting(WecomStandIn.Received::text)
                .containsExactly("**巡检完成**", "第二条");
    }

    @Test
    @Order(4)
    void anInjectedErrcodeRejectsTheSdksPromiseWithIt() {
        String chat = "wr_fail_" + UUID.randomUUID().toString().substring(0, 6);
        socket.failNext("aibot_respond_msg", 846608);
        JsonNode m = deliver(chat, Inbound.text("@助手 开票失败"), "message.text");
        JsonNode results = replied(m.path("reqId").asString()).path("results");
        assertThat(results.get(0).path("ok").asBoolean()).isFalse();
        assertThat(results.get(0).path("errcode").asInt()).isEqualTo(846608);
        // the SDK goes on with the next frame of the queue once the refusal came back
        assertThat(results.get(2).path("ok").asBoolean()).isTrue();

        socket.failNext("aibot_send_msg", 45009);
        sdk.send(Map.of("op", "send", "chatid", chat, "content", "被限流"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !sentTo(chat).isEmpty());
        assertThat(sentTo(chat).get(0).path("ok").asBoolean()).isFalse();
        assertThat(sentTo(chat).get(0).path("errcode").asInt()).isEqualTo(45009);
        assertThat(standIn.received(chat, "aibot-push")).as("a refused push is not delivered").isEmpty();

        // a cmd WeCom does not know is refused with an errcode, not ignored
        sdk.send(Map.of("op", "raw", "cmd", "aibot_no_such_cmd", "reqId", "raw-1", "body", Map.of()));
        JsonNode raw = sdk.await("the unknown cmd's outcome", event("raw"));
        assertThat(raw.path("ok").asBoolean()).isFalse();
        assertThat(raw.path("errcode").asInt()).isEqualTo(40058);
    }

    @Test
    @Order(5)
    void aLostAckRejectsAfterTheSdksFiveSecondTimeoutAndNothingIsDelivered() {
        String chat = "wr_lost_" + UUID.randomUUID().toString().substring(0, 6);
        socket.loseNext("aibot_send_msg");
        sdk.send(Map.of("op", "send", "chatid", chat, "content", "丢失"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !sentTo(chat).isEmpty());
        assertThat(sentTo(chat).get(0).path("ok").asBoolean()).isFalse();
        assertThat(sentTo(chat).get(0).path("error").asString()).contains("timeout");
        assertThat(standIn.received(chat, "aibot-push")).isEmpty();
    }

    @Test
    @Order(6)
    void heartbeatsAreAckedSoTheSdkKeepsTheConnection() {
        int before = socket.pings();
        // the SDK pings every 300 ms here and drops the connection after two pings without an ack
        await().atMost(Duration.ofSeconds(10)).until(() -> socket.pings() >= before + 5);
        assertThat(socket.acks().sent()).filteredOn(a -> a.cmd().equals("ping")).isNotEmpty()
                .allSatisfy(a -> assertThat(a.errcode()).isZero());
        sdk.send(Map.of("op", "status"));
        JsonNode status = sdk.await("status", event("status"));
        assertThat(status.path("connected").asBoolean()).isTrue();
        assertThat(status.path("missedPong").asInt()).isLessThanOrEqualTo(1);
        assertThat(sdk.lines()).noneMatch(event("disconnected"));
    }

    @Test
    @Order(7)
    void disconnectedEventReachesTheSdkWhichThenStops() {
        String req = socket.event("", "single", "", Event.disconnected());
        JsonNode seen = sdk.await("disconnected_event", l -> req.equals(l.path("reqId").asString()));
        assertThat(seen.path("event").asString()).isEqualTo("event.disconnected_event");
        assertThat(seen.at("/body/event/eventtype").asString()).isEqualTo("disconnected_event");
        sdk.await("the SDK stopping", event("disconnected"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !socket.connected());
    }

    @Test
    @Order(6)
    void theOfficialClientsChunkedUploadAndFileMessageAreTakenAndARefusedUploadRejects() {
        String chat = "wr_file_" + UUID.randomUUID().toString().substring(0, 6);
        int size = 1_300_000; // three chunks of at most 512 KB, as the SDK cuts them
        media.clear();
        sdk.send(Map.of("op", "file", "chatid", chat, "name", "巡检报告-9.docx", "size", size));
        JsonNode done = sdk.await("the file outcome", l -> "file".equals(l.path("event").asString())
                && chat.equals(l.path("chatid").asString()));
        assertThat(done.path("ok").asBoolean()).as(done.toString()).isTrue();
        assertThat(media.uploadFrames()).extracting(StandInMedia.Frame::cmd).containsExactly("aibot_upload_media_init",
                "aibot_upload_media_chunk", "aibot_upload_media_chunk", "aibot_upload_media_chunk",
                "aibot_upload_media_finish");
        byte[] expected = new byte[size];
        for (int i = 0; i < size; i++) {
            expected[i] = (byte) ((i * 7 + 3) % 256);
        }
        assertThat(media.files(chat)).singleElement().satisfies(f -> {
            assertThat(f.fileName()).isEqualTo("巡检报告-9.docx");
            assertThat(f.content()).isEqualTo(expected);
        });

        String refused = chat + "_r";
        media.refuseNextUpload(40004);
        sdk.send(Map.of("op", "file", "chatid", refused, "name", "x.docx", "size", 1000));
        JsonNode failed = sdk.await("the refused file outcome", l -> "file".equals(l.path("event").asString())
                && refused.equals(l.path("chatid").asString()));
        assertThat(failed.path("ok").asBoolean()).isFalse();
        assertThat(failed.toString()).contains("40004");
        assertThat(media.files(refused)).isEmpty();
    }

    // ---- helpers ----

    private JsonNode deliver(String chat, Inbound m, String expectedEvent) {
        String msgId = "m-" + UUID.randomUUID();
        String reqId = socket.message(chat, "group", "chenxia", msgId, m);
        assertThat(reqId).as("the SDK's connection is live").isNotNull();
        JsonNode seen = sdk.await(expectedEvent + " " + msgId, l -> msgId.equals(l.at("/body/msgid").asString()));
        assertThat(seen.path("event").asString()).isEqualTo(expectedEvent);
        assertThat(seen.path("reqId").asString()).isEqualTo(reqId);
        return seen;
    }

    private JsonNode replied(String reqId) {
        return sdk.await("the replies to " + reqId, l -> "replied".equals(l.path("event").asString())
                && reqId.equals(l.path("reqId").asString()));
    }

    private java.util.List<JsonNode> sentTo(String chat) {
        return sdk.lines().stream().filter(event("sent")).filter(l -> chat.equals(l.path("chatid").asString())).toList();
    }
}
