package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The long connection's frames, without a socket: what goes out and how what comes in is read. */
class AibotProtocolTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final AibotProtocol protocol = new AibotProtocol(new WecomProperties(null,
            new WecomProperties.Aibot("bot-1", "s3cret", "ws://x", null, null, Duration.ofSeconds(20),
                    Duration.ofSeconds(30), Duration.ofSeconds(60), false), null, null), mapper);

    private JsonNode read(String frame) {
        return mapper.readTree(frame);
    }

    @Test
    void aStreamReplyShowsTheFirstParagraphsThenTheWholeAnswerUnderOneStreamId() {
        List<JsonNode> frames = protocol.streamReply("req-7", "一\n\n二\n\n三\n\n四\n\n五").stream().map(this::read)
                .toList();
        assertThat(frames).allSatisfy(f -> {
            assertThat(f.path("cmd").asString()).isEqualTo("aibot_respond_msg");
            assertThat(f.path("headers").path("req_id").asString()).isEqualTo("req-7");
        });
        assertThat(frames).extracting(f -> f.path("body").path("stream").path("content").asString())
                .containsExactly("一", "一\n\n二", "一\n\n二\n\n三", "一\n\n二\n\n三\n\n四\n\n五");
        assertThat(frames).extracting(f -> f.path("body").path("stream").path("finish").asBoolean())
                .containsExactly(false, false, false, true);
        assertThat(frames).extracting(f -> f.path("body").path("stream").path("id").asString()).containsOnly(
                frames.get(0).path("body").path("stream").path("id").asString());
    }

    @Test
    void aLongPushIsSplitIntoMessagesOfAtMost20480BytesEachWithItsOwnRequestId() {
        String markdown = "票".repeat(10000); // 30000 bytes
        List<JsonNode> frames = protocol.push("wr_1", markdown).stream().map(this::read).toList();
        assertThat(frames).hasSize(2).allSatisfy(f -> {
            assertThat(f.path("cmd").asString()).isEqualTo("aibot_send_msg");
            assertThat(f.path("body").path("chatid").asString()).isEqualTo("wr_1");
            // the official SDK's sendMessage: {chatid, ...body}, no chat_type
            assertThat(mapper.convertValue(f.path("body"), Map.class)).containsOnlyKeys("chatid", "msgtype", "markdown");
            assertThat(f.path("body").path("markdown").path("content").asString().getBytes(StandardCharsets.UTF_8))
                    .hasSizeLessThanOrEqualTo(AibotProtocol.MAX_BYTES);
        });
        assertThat(frames.get(0).path("headers").path("req_id").asString())
                .isNotEqualTo(frames.get(1).path("headers").path("req_id").asString());
        assertThat(frames.get(0).path("body").path("markdown").path("content").asString()
                + frames.get(1).path("body").path("markdown").path("content").asString()).isEqualTo(markdown);
    }

    @Test
    void theSubscribeCarriesTheBotsCredentialsAndItsAnswerIsRecognisedByRequestId() {
        JsonNode subscribe = read(protocol.subscribe("sub-1"));
        assertThat(subscribe.path("cmd").asString()).isEqualTo("aibot_subscribe");
        assertThat(subscribe.path("body").path("bot_id").asString()).isEqualTo("bot-1");
        assertThat(subscribe.path("body").path("secret").asString()).isEqualTo("s3cret");

        AibotProtocol.Frame answer = protocol.decode(mapper.writeValueAsString(
                Map.of("headers", Map.of("req_id", "sub-1"), "errcode", 0))).orElseThrow();
        assertThat(answer.answers("sub-1")).isTrue();
        assertThat(answer.answers("other")).isFalse();
        assertThat(answer.errcode()).isZero();
        assertThat(answer.isCallback()).isFalse();

        // WeCom may echo the command in its answer; the official client goes by req_id alone
        AibotProtocol.Frame withCmd = protocol.decode(mapper.writeValueAsString(Map.of("cmd", "aibot_subscribe",
                "headers", Map.of("req_id", "sub-1"), "errcode", 0, "errmsg", "ok"))).orElseThrow();
        assertThat(withCmd.answers("sub-1")).isTrue();
        assertThat(withCmd.answers("other")).isFalse();
    }

    @Test
    void callbacksAreReadAndAReplacedConnectionIsRecognised() {
        AibotProtocol.Frame message = protocol.decode("""
                {"cmd":"aibot_msg_callback","headers":{"req_id":"r1"},"body":{"msgid":"m1","aibotid":"bot-1",
                 "chatid":"wr_1","chattype":"group","from":{"userid":"chenxia"},"msgtype":"text",
                 "text":{"content":"@助手 开票失败"}}}""").orElseThrow();
        assertThat(message.isCallback()).isTrue();
        assertThat(message.replacedByAnotherConnection()).isFalse();
        assertThat(message.message().text()).isEqualTo("@助手 开票失败");

        AibotProtocol.Frame replaced = protocol.decode("""
                {"cmd":"aibot_event_callback","headers":{"req_id":"r2"},
                 "body":{"msgtype":"event","aibotid":"bot-1","event":{"eventtype":"disconnected_event"}}}""")
                .orElseThrow();
        assertThat(replaced.replacedByAnotherConnection()).isTrue();

        assertThat(protocol.decode("not json")).isEmpty();
    }

    @Test
    void rawControlCharactersAreStrippedBeforeParsingAsTheOfficialClientDoes() {
        // WeCom sends them because the official client strips [\x00-\x08\x0B-\x0D\x0E-\x1F] before JSON.parse
        AibotProtocol.Frame message = protocol.decode("{\"cmd\":\"aibot_msg_callback\",\n\t\"headers\":{\"req_id\":\"r1\"},"
                + "\"body\":{\"msgid\":\"m1\",\"msgtype\":\"text\",\"text\":{\"content\":\"开票\u0001失败\u001f\r\"}}}")
                .orElseThrow();
        assertThat(message.isCallback()).isTrue();
        assertThat(message.message().text()).isEqualTo("开票失败");
    }
}
