package cn.ebillops.sandbox.wecom;

import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The WeCom HTTP API of the stand-in (wecom.api-base-url points at /sandbox/wecom in the demo and
 * tests), plus two demo helpers: what a group received, and "a user says something in a group".
 */
@RestController
@RequestMapping("/sandbox/wecom")
@ConditionalOnProperty(name = "ebillops.sandbox.enabled", havingValue = "true")
class WecomStandInController {

    private final WecomStandIn standIn;
    private final WecomStandInSocket socket;
    private final WecomStandInDriver driver;
    private final StandInMedia media;

    WecomStandInController(WecomStandIn standIn, WecomStandInSocket socket, WecomStandInDriver driver, StandInMedia media) {
        this.standIn = standIn;
        this.socket = socket;
        this.driver = driver;
        this.media = media;
    }

    @GetMapping("/cgi-bin/gettoken")
    Map<String, Object> gettoken(@RequestParam(required = false) String corpid,
                                 @RequestParam(required = false) String corpsecret) {
        String token = standIn.issueToken(corpid, corpsecret);
        if (token == null) {
            return Map.of("errcode", 40001, "errmsg", "invalid credential");
        }
        return Map.of("errcode", 0, "errmsg", "ok", "access_token", token, "expires_in", 7200);
    }

    @PostMapping("/cgi-bin/message/send")
    Map<String, Object> messageSend(@RequestParam(name = "access_token", required = false) String token,
                                    @RequestBody JsonNode body) {
        int code = standIn.checkToken(token);
        if (code != 0) {
            return Map.of("errcode", code, "errmsg", code == 42001 ? "access_token expired" : "invalid access_token");
        }
        String to = body.path("touser").asString("");
        int injected = standIn.nextMessageSendError(to);
        if (injected != 0) {
            return Map.of("errcode", injected, "errmsg", "injected failure");
        }
        String type = body.path("msgtype").asString("");
        if (StandInMedia.isFileMessage(body)) {
            return media.appFile(to, body);
        }
        String text = switch (type) {
            case "markdown" -> body.path("markdown").path("content").asString("");
            case "text" -> body.path("text").path("content").asString("");
            case "template_card" -> "[卡片] " + body.path("template_card").path("main_title").path("title").asString("")
                    + " 按钮: " + buttonKeys(body.path("template_card").path("button_list"));
            default -> "[" + type + "]";
        };
        standIn.record(to, "app", text);
        return Map.of("errcode", 0, "errmsg", "ok", "msgid", "sandbox-msg");
    }

    private static List<String> buttonKeys(JsonNode buttons) {
        List<String> keys = new java.util.ArrayList<>();
        for (JsonNode b : buttons) {
            keys.add(b.path("key").asString(""));
        }
        return keys;
    }

    @PostMapping("/cgi-bin/webhook/send")
    Map<String, Object> webhook(@RequestParam String key, @RequestBody JsonNode body) {
        if (StandInMedia.isFileMessage(body)) {
            return media.webhookFile(key, body);
        }
        String text = body.path("markdown").path("content").asString(body.path("text").path("content").asString(""));
        int code = standIn.webhook(key, text);
        return Map.of("errcode", code, "errmsg", code == 0 ? "ok"
                : code == 45009 ? "api freq out of limit" : "system busy");
    }

    @PostMapping("/response/{id}")
    Map<String, Object> responseUrl(@PathVariable String id, @RequestBody JsonNode body) {
        String text = body.path("markdown").path("content").asString(body.path("text").path("content").asString(""));
        int code = standIn.useResponseUrl(id, text);
        return Map.of("errcode", code, "errmsg", code == 0 ? "ok" : "response_url used or expired");
    }

    /** Demo: what a group (or user) received from the assistant. */
    @GetMapping("/chats/{chatId}/messages")
    List<WecomStandIn.Received> received(@PathVariable String chatId) {
        return standIn.received(chatId);
    }

    /** {@code msgtype} text (default), voice, mixed, image or file; {@code voice} a voice message's transcript; {@code quote} the text it quotes. */
    record Say(String userId, String text, String msgtype, String voice, String quote) {

        StandInFrames.Inbound inbound() {
            StandInFrames.Inbound m = voice != null ? StandInFrames.Inbound.voice(voice)
                    : text == null ? null : StandInFrames.Inbound.of(msgtype, text);
            return m == null || quote == null ? m : m.quoting(StandInFrames.Inbound.text(quote));
        }
    }

    /** Demo: a user writes in a group — by the long connection if subscribed, else an encrypted callback. */
    @PostMapping("/chats/{chatId}/say")
    ResponseEntity<Map<String, Object>> say(@PathVariable String chatId, @RequestBody Say say) {
        StandInFrames.Inbound inbound = say == null || say.userId() == null ? null : say.inbound();
        if (inbound == null) {
            return ResponseEntity.badRequest().body(Map.of("error", "bad_request",
                    "message", "请提供 userId 和 text（或 voice）；msgtype 只能是 text、voice、mixed、image、file"));
        }
        String msgId = "sandbox-" + java.util.UUID.randomUUID();
        if (socket.message(chatId, "group", say.userId(), msgId, inbound) != null) {
            return ResponseEntity.ok(Map.of("route", "long-connection", "msgid", msgId));
        }
        if (driver.aibotCallbackConfigured()) {
            int status = driver.postAibot(driver.aibotMessage(chatId, say.userId(), msgId, inbound)).statusCode();
            return ResponseEntity.ok(Map.of("route", "callback", "msgid", msgId, "status", status));
        }
        return ResponseEntity.status(409).body(Map.of("error", "no_route",
                "message", "智能机器人长连接未连上，回调模式也未配置"));
    }
}
