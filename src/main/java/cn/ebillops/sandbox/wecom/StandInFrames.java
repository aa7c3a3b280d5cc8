package cn.ebillops.sandbox.wecom;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bodies of the frames WeCom sends an AI bot (aibot_msg_callback, aibot_event_callback), built as
 * WeCom's documentation and the official client's types (@wecom/aibot-node-sdk 1.0.7, message.d.ts and
 * event.d.ts) describe them, so the stand-in can play every message and event type, not only text.
 * The same bodies go into encrypted callbacks (plus a response_url there).
 */
public final class StandInFrames {

    private StandInFrames() {
    }

    /** A user's message: its msgtype, the content object under that key, and what it quotes (may be null). */
    public record Inbound(String msgtype, Map<String, Object> content, Inbound quote) {

        public static Inbound text(String content) {
            return new Inbound("text", Map.of("content", content), null);
        }

        /** WeCom's own transcript of a voice message ({@code voice.content}); the audio itself is not sent. */
        public static Inbound voice(String transcript) {
            return new Inbound("voice", Map.of("content", transcript), null);
        }

        /** An image: a download url (encrypted, five minutes) and, on the long connection, its aeskey. */
        public static Inbound image(String url, String aeskey) {
            return new Inbound("image", Map.of("url", url, "aeskey", aeskey), null);
        }

        public static Inbound file(String url, String aeskey) {
            return new Inbound("file", Map.of("url", url, "aeskey", aeskey), null);
        }

        /** Text and an image in one message (msg_item in the order the user wrote them). */
        public static Inbound mixed(String text, String imageUrl, String aeskey) {
            List<Map<String, Object>> items = List.of(
                    Map.of("msgtype", "text", "text", Map.of("content", text)),
                    Map.of("msgtype", "image", "image", Map.of("url", imageUrl, "aeskey", aeskey)));
            return new Inbound("mixed", Map.of("msg_item", items), null);
        }

        /** This message as a reply that quotes {@code quoted} (WeCom's {@code quote} field). */
        public Inbound quoting(Inbound quoted) {
            return new Inbound(msgtype, content, quoted);
        }

        /** The types the HTTP driver offers with one text (voice: the transcript; mixed: text and an image); null if unknown. */
        public static Inbound of(String msgtype, String text) {
            return switch (msgtype == null ? "text" : msgtype) {
                case "text" -> text(text);
                case "voice" -> voice(text);
                case "mixed" -> mixed(text, PLACEHOLDER_URL, PLACEHOLDER_KEY);
                case "image" -> image(PLACEHOLDER_URL, PLACEHOLDER_KEY);
                case "file" -> file(PLACEHOLDER_URL, PLACEHOLDER_KEY);
                default -> null;
            };
        }

        Map<String, Object> asQuote() {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("msgtype", msgtype);
            q.put(msgtype, content);
            return q;
        }
    }

    /** Where the stand-in says media would be downloaded; it serves no media (nothing in the assistant downloads it). */
    static final String PLACEHOLDER_URL = "https://127.0.0.1/sandbox/wecom/media/unavailable";
    static final String PLACEHOLDER_KEY = "c3RhbmQtaW4tbm8tbWVkaWEtYWVza2V5LTMyYnl0ZXM=";

    /** An event: its eventtype and the object WeCom nests under a key of the same name (may be empty). */
    public record Event(String eventtype, Map<String, Object> detail) {

        /** The user opened the single chat with the bot (first time that day); answered by a welcome within 5 s. */
        public static Event enterChat() {
            return new Event("enter_chat", Map.of());
        }

        /**
         * A card button click. Nested as WeCom's documentation nests it ({@code event.template_card_event.event_key});
         * the official client's event.d.ts declares event_key and task_id directly on {@code event} instead.
         */
        public static Event templateCard(String cardType, String eventKey, String taskId) {
            return new Event("template_card_event", Map.of("card_type", cardType, "event_key", eventKey, "task_id", taskId));
        }

        /** The user rated an answer (type 1 accurate, 2 inaccurate) that carried feedback id {@code feedbackId}. */
        public static Event feedback(String feedbackId, int type, String content) {
            return new Event("feedback_event", Map.of("id", feedbackId, "type", type, "content", content));
        }

        /** Sent to the old connection when a newer one subscribed the same bot; WeCom closes the old one after it. */
        public static Event disconnected() {
            return new Event("disconnected_event", Map.of());
        }

        Map<String, Object> asEvent() {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("eventtype", eventtype);
            if (!detail.isEmpty()) {
                e.put(eventtype, detail);
            }
            return e;
        }
    }

    /** Who and where: chatid only in groups (a single chat is known by the user), as WeCom sends it. */
    public record Origin(String botId, String chatId, String chatType, String userId) {
    }

    /** The body of an aibot_msg_callback (and of an AI bot callback, without its response_url). */
    public static Map<String, Object> message(Origin o, String msgId, Instant at, Inbound m) {
        Map<String, Object> body = head(o, msgId, at);
        body.put("msgtype", m.msgtype());
        body.put(m.msgtype(), m.content());
        if (m.quote() != null) {
            body.put("quote", m.quote().asQuote());
        }
        return body;
    }

    /** The body of an aibot_event_callback; disconnected_event carries no sender. */
    public static Map<String, Object> event(Origin o, String msgId, Instant at, Event e) {
        Map<String, Object> body = "disconnected_event".equals(e.eventtype())
                ? base(o.botId(), msgId, at) : head(o, msgId, at);
        body.put("msgtype", "event");
        body.put("event", e.asEvent());
        return body;
    }

    private static Map<String, Object> head(Origin o, String msgId, Instant at) {
        Map<String, Object> body = base(o.botId(), msgId, at);
        if ("group".equals(o.chatType())) {
            body.put("chatid", o.chatId());
        }
        body.put("chattype", o.chatType());
        body.put("from", Map.of("userid", o.userId()));
        return body;
    }

    private static Map<String, Object> base(String botId, String msgId, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msgid", msgId);
        body.put("create_time", at.getEpochSecond());
        body.put("aibotid", botId == null ? "" : botId);
        return body;
    }
}
