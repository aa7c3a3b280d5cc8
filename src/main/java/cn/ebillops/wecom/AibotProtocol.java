package cn.ebillops.wecom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The frames of the AI bot long connection: JSON text {@code {"cmd", "headers": {"req_id"}, "body"}}. A
 * request carries a new req_id and WeCom's answer to it the same req_id (with or without a cmd); a reply to a
 * user's message or event (stream, welcome, card answer) carries the req_id of the frame it answers.
 * Encoding and decoding only: which connection a frame goes on is {@link AibotSocket}'s business.
 */
@Component
class AibotProtocol {

    private static final Logger log = LoggerFactory.getLogger(AibotProtocol.class);
    static final String MESSAGE = "aibot_msg_callback";
    static final String EVENT = "aibot_event_callback";
    /** The most markdown one stream reply or pushed message takes. */
    static final int MAX_BYTES = 20480;
    /** Paragraphs shown one by one before the whole stream reply. */
    private static final int STREAM_STEPS = 3;

    private final WecomProperties.Aibot config;
    private final ObjectMapper mapper;

    AibotProtocol(WecomProperties props, ObjectMapper mapper) {
        this.config = props.aibot();
        this.mapper = mapper;
    }

    /** A frame from WeCom: a callback (cmd set) or the answer to one of our requests (no cmd). */
    record Frame(String cmd, String reqId, int errcode, JsonNode body) {

        /**
         * WeCom's answer to our request {@code ourReqId}. Known by req_id alone, as the official client
         * knows it: the answer may or may not repeat the request's cmd.
         */
        boolean answers(String ourReqId) {
            return !isCallback() && reqId.equals(ourReqId);
        }

        boolean isCallback() {
            return cmd.equals(MESSAGE) || cmd.equals(EVENT);
        }

        /** The message or event of a callback (the same body as in callback mode). */
        AibotMessage message() {
            return AibotMessage.from(body);
        }

        /** WeCom took the bot's connection over to a newer one: this one is dead. */
        boolean replacedByAnotherConnection() {
            return cmd.equals(EVENT) && "disconnected_event".equals(message().eventType());
        }
    }

    /**
     * Raw control characters the official client (@wecom/aibot-node-sdk 1.0.7) removes before JSON.parse:
     * all of U+0000..U+001F except tab and line feed (carriage return goes too). WeCom relies on that,
     * so a frame carrying them is otherwise valid and must not be lost as malformed.
     */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F]");

    /** Empty for a frame that is not JSON (logged without its content). */
    Optional<Frame> decode(String text) {
        JsonNode frame;
        try {
            frame = mapper.readTree(CONTROL.matcher(text).replaceAll(""));
        } catch (JacksonException e) {
            log.warn("aibot long connection: malformed frame ignored");
            return Optional.empty();
        }
        return Optional.of(new Frame(frame.path("cmd").asString(""),
                frame.path("headers").path("req_id").asString(""), frame.path("errcode").asInt(-1),
                frame.path("body")));
    }

    String subscribe(String reqId) {
        return frame("aibot_subscribe", reqId, Map.of("bot_id", config.botId(), "secret", config.secret()));
    }

    String ping() {
        return frame("ping", newReqId(), null);
    }

    /**
     * A stream reply (aibot_respond_msg) to the message {@code reqId}: the answer paragraph by paragraph,
     * each frame the whole text so far, the last with finish. {@code text} fits in {@link #MAX_BYTES}.
     */
    List<String> streamReply(String reqId, String text) {
        return streamFrames(reqId, newReqId(), text);
    }

    /** {@link #streamReply} in the stream {@code streamId}, which a placeholder frame may have opened. */
    List<String> streamFrames(String reqId, String streamId, String text) {
        List<String> frames = new ArrayList<>();
        int at = text.indexOf("\n\n");
        while (at > 0 && frames.size() < STREAM_STEPS) {
            frames.add(streamFrame(reqId, streamId, false, text.substring(0, at)));
            at = text.indexOf("\n\n", at + 2);
        }
        frames.add(streamFrame(reqId, streamId, true, text));
        return frames;
    }

    /** One frame of the stream {@code streamId}: the whole text so far. */
    String streamFrame(String reqId, String streamId, boolean finish, String content) {
        return frame("aibot_respond_msg", reqId, stream(streamId, finish, content));
    }

    /**
     * The answer to a card click (aibot_respond_update_msg on the event's req_id), as the official client's
     * updateTemplateCard sends it: the card replaced for {@code userIds}, or for everyone when empty.
     */
    String cardUpdate(String reqId, Map<String, Object> card, List<String> userIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("response_type", "update_template_card");
        body.put("template_card", card);
        if (!userIds.isEmpty()) {
            body.put("userids", userIds);
        }
        return frame("aibot_respond_update_msg", reqId, body);
    }

    private static Map<String, Object> stream(String id, boolean finish, String content) {
        return Map.of("msgtype", "stream", "stream", Map.of("id", id, "finish", finish, "content", content));
    }

    String welcome(String reqId, String text) {
        return frame("aibot_respond_welcome_msg", reqId, Map.of("msgtype", "text", "text", Map.of("content", text)));
    }

    /**
     * A message into a conversation where a user has written to the bot (aibot_send_msg), as several
     * frames when longer than {@link #MAX_BYTES}. The body is the official SDK's {chatid, msgtype, ...}:
     * WeCom knows the conversation by its chatid, so no chat type goes with it.
     */
    List<String> push(String chatId, String markdown) {
        return pushes(chatId, markdown).stream().map(Request::text).toList();
    }

    /** A request of ours and its req_id, by which {@link AibotAcks} knows WeCom's answer to it. */
    record Request(String reqId, String text) {
    }

    /** {@link #push} with each frame's req_id, for a sender that waits for the acks. */
    List<Request> pushes(String chatId, String markdown) {
        return MarkdownSplitter.split(markdown, MAX_BYTES).stream().map(part -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("chatid", chatId);
            body.put("msgtype", "markdown");
            body.put("markdown", Map.of("content", part));
            String reqId = newReqId();
            return new Request(reqId, frame("aibot_send_msg", reqId, body));
        }).toList();
    }

    private String frame(String cmd, String reqId, Map<String, Object> body) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("cmd", cmd);
        f.put("headers", Map.of("req_id", reqId));
        if (body != null) {
            f.put("body", body);
        }
        return mapper.writeValueAsString(f);
    }

    static String newReqId() {
        return UUID.randomUUID().toString();
    }
}
