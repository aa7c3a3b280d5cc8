package cn.ebillops.sandbox.wecom;

import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What WeCom does with the bot's requests on the long connection: which cmds exist (those the official
 * client @wecom/aibot-node-sdk 1.0.7 sends, media upload aside), which reply fits which callback, and what
 * a user then sees in the chat (the stand-in records that, not the frames: a stream shows once finished).
 */
final class StandInReplies {

    /** The bot's requests WeCom accepts (the media upload commands are added with the stand-in's upload). */
    static final Set<String> KNOWN = Set.of("aibot_subscribe", "ping", "aibot_respond_msg",
            "aibot_respond_welcome_msg", "aibot_respond_update_msg", "aibot_send_msg", "aibot_upload_media_init",
            "aibot_upload_media_chunk", "aibot_upload_media_finish");
    /** A reply on a req_id WeCom never sent, or that does not fit the callback (the stand-in's choice of code). */
    static final int INVALID_REQ_ID = 40008;

    /** What the user sees of a reply: which route records it and as what text. */
    record Shown(String route, String text) {
    }

    private StandInReplies() {
    }

    /**
     * 0 when {@code cmd} may answer a callback of {@code kind}: a welcome only answers enter_chat and a card
     * update only a card click (both documented as "use that event's req_id"); a message reply answers any.
     */
    static int refusal(String cmd, String kind) {
        return switch (cmd) {
            case "aibot_respond_welcome_msg" -> "enter_chat".equals(kind) ? 0 : INVALID_REQ_ID;
            case "aibot_respond_update_msg" -> "template_card_event".equals(kind) ? 0 : INVALID_REQ_ID;
            default -> 0;
        };
    }

    /** The recorded form of a reply, empty while a stream is unfinished. */
    static Optional<Shown> shownAs(String cmd, JsonNode body) {
        return switch (cmd) {
            case "aibot_respond_welcome_msg" -> Optional.of(new Shown("aibot-welcome", shown(body)));
            case "aibot_respond_update_msg" -> Optional.of(new Shown("aibot-update", card(body.path("template_card"))));
            default -> {
                boolean stream = body.path("msgtype").asString("").startsWith("stream");
                yield stream && !body.path("stream").path("finish").asBoolean(false)
                        ? Optional.empty() : Optional.of(new Shown("aibot", shown(body)));
            }
        };
    }

    /** The text of a markdown, text, stream or card body. */
    static String shown(JsonNode body) {
        return switch (body.path("msgtype").asString("")) {
            case "markdown" -> body.path("markdown").path("content").asString("");
            case "text" -> body.path("text").path("content").asString("");
            case "stream", "stream_with_template_card" -> body.path("stream").path("content").asString("");
            case "template_card" -> card(body.path("template_card"));
            default -> "[" + body.path("msgtype").asString("") + "]";
        };
    }

    private static String card(JsonNode card) {
        return "[卡片] " + card.path("main_title").path("title").asString("");
    }
}
