package cn.ebillops.wecom;

import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The AI bot's message body (the same in callback and long-connection mode). {@code chatId} is
 * the user id in a single chat, so a direct conversation is recognisable.
 */
record AibotMessage(String msgId, String botId, String chatId, String chatType, String userId,
                           String responseUrl, String msgType, String text, String eventType, String eventKey,
                           String streamId, String taskId) {

    public static AibotMessage parse(ObjectMapper mapper, String json) {
        JsonNode n;
        try {
            n = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new CallbackRejected(HttpStatus.BAD_REQUEST, "malformed_json", "消息 JSON 格式错误");
        }
        return from(n);
    }

    public static AibotMessage from(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new CallbackRejected(HttpStatus.BAD_REQUEST, "malformed_json", "消息不是 JSON 对象");
        }
        String userId = n.path("from").path("userid").asString("");
        String chatType = n.path("chattype").asString("single");
        String chatId = n.path("chatid").asString("");
        if (chatId.isBlank()) {
            chatId = userId;
        }
        String msgType = n.path("msgtype").asString("");
        String text = textOf(n);
        // a reply to a quoted message is understood with what it quotes ("「开票失败」这个解决了没")
        String quoted = textOf(n.path("quote"));
        if (!quoted.isBlank()) {
            text = "「" + quoted.strip() + "」" + text;
        }
        JsonNode event = n.path("event");
        String eventType = event.path("eventtype").asString("");
        // WeCom's documentation nests the click under template_card_event; the official client's types have it flat
        JsonNode click = event.path("template_card_event").isObject() ? event.path("template_card_event") : event;
        String eventKey = click.path("event_key").asString("");
        return new AibotMessage(n.path("msgid").asString(""), n.path("aibotid").asString(""), chatId, chatType,
                userId, n.path("response_url").asString(""), msgType, text, eventType, eventKey,
                n.path("stream").path("id").asString(""), click.path("task_id").asString(""));
    }

    /** The words of a message or quote: its text, WeCom's transcript of a voice message, a mixed one's texts. */
    private static String textOf(JsonNode n) {
        StringBuilder text = new StringBuilder(n.path("text").path("content").asString(""));
        text.append(n.path("voice").path("content").asString(""));
        for (JsonNode item : n.path("mixed").path("msg_item")) {
            if ("text".equals(item.path("msgtype").asString(""))) {
                text.append(item.path("text").path("content").asString(""));
            }
        }
        return text.toString();
    }

    public boolean isUserText() {
        return !"event".equals(msgType) && !"stream".equals(msgType);
    }
}
