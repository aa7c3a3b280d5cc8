package cn.ebillops.sandbox.wecom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * The stand-in's template cards on the long connection: a click (template_card_event, in the shape of WeCom's
 * documentation) injected as an aibot_event_callback, and the bot's answer to it, aibot_respond_update_msg, taken
 * and recorded (or refused once with an errcode) as WeCom does.
 */
public class StandInCards {

    /** A card update WeCom took: the task id, for whom (empty: everyone), and the card's buttons and text. */
    public record Update(String chatId, String taskId, List<String> userIds, List<String> buttons, String text) {
    }

    private final List<Update> updates = new java.util.ArrayList<>();
    private final AtomicInteger nextUpdate = new AtomicInteger();

    /** The body of a click on the button {@code eventKey} of the card {@code taskId} by {@code userId}. */
    Map<String, Object> click(String botId, String chatId, String userId, String eventKey, String taskId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msgid", java.util.UUID.randomUUID().toString());
        body.put("aibotid", botId);
        body.put("chatid", chatId);
        body.put("chattype", "group");
        body.put("from", Map.of("userid", userId));
        body.put("msgtype", "event");
        body.put("event", Map.of("eventtype", "template_card_event", "template_card_event",
                Map.of("card_type", "button_interaction", "event_key", eventKey, "task_id", taskId)));
        return body;
    }

    /** WeCom's errcode for the aibot_respond_update_msg {@code body} to a click in {@code chatId}; recorded when 0. */
    int update(String chatId, JsonNode body) {
        int errcode = nextUpdate.getAndSet(0);
        if (errcode != 0) {
            return errcode;
        }
        JsonNode card = body.path("template_card");
        List<String> buttons = new java.util.ArrayList<>();
        card.path("button_list").forEach(b -> buttons.add(b.path("text").asString("")));
        List<String> userIds = new java.util.ArrayList<>();
        body.path("userids").forEach(u -> userIds.add(u.asString("")));
        boolean ok = "update_template_card".equals(body.path("response_type").asString(""));
        synchronized (this) {
            updates.add(new Update(chatId, card.path("task_id").asString(""), userIds, buttons,
                    card.path("sub_title_text").asString("")));
        }
        return ok ? 0 : 40058;
    }

    /** The next card update is refused with {@code errcode}. */
    public void refuseNextUpdate(int errcode) {
        nextUpdate.set(errcode);
    }

    public synchronized List<Update> updates(String chatId) {
        return updates.stream().filter(u -> u.chatId().equals(chatId)).toList();
    }
}
