package cn.ebillops.channel;

import cn.ebillops.web.RequestRefused;

/**
 * What a message from outside may carry, checked where it comes in (console, WeCom callbacks,
 * long connection, NLU endpoint) so an oversized value is a 400 rather than a database error
 * deep in the assistant.
 */
public final class InboundLimits {

    /** chat_id, user_id and message_id are varchar(128) in every table (V1, V30, V41 migrations). */
    public static final int MAX_ID = 128;
    /**
     * A message typed into the console or sent to the NLU endpoint. WeCom text is bounded by the
     * callback's 64 KB body instead: WeCom's own client limits what a person can send, and a long
     * pasted log or command must still be answered (the text columns are unbounded).
     */
    public static final int MAX_TEXT = 2048;

    private InboundLimits() {
    }

    /** The message unchanged, or {@link RequestRefused} 400 {@code id_too_long}. */
    public static InboundMessage check(InboundMessage m) {
        id(m.chatId());
        id(m.userId());
        id(m.messageId());
        return m;
    }

    public static void id(String id) {
        if (id != null && id.length() > MAX_ID) {
            throw RequestRefused.badRequest("id_too_long", "用户、群或消息 ID 过长，最多 %d 个字符".formatted(MAX_ID));
        }
    }

    /** 400 {@code text_too_long} past {@link #MAX_TEXT}. */
    public static void text(String text) {
        if (text != null && text.length() > MAX_TEXT) {
            throw RequestRefused.badRequest("text_too_long", "消息过长，最多 %d 个字符".formatted(MAX_TEXT));
        }
    }
}
