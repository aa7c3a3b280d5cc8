package cn.ebillops.wecom;

import cn.ebillops.channel.InboundLimits;
import cn.ebillops.channel.InboundMessage;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * AI bot callback mode: URL check (GET) and encrypted JSON messages (POST). Acknowledges at once
 * (empty body, or an encrypted welcome for enter_chat); the answer goes back through the message's
 * one-use response_url ({@link AibotReplies}), and what that cannot carry goes round through
 * {@link WecomPipeline}.
 */
@RestController
@RequestMapping("/wecom/aibot/callback")
class AibotCallbackController {

    private static final Logger log = LoggerFactory.getLogger(AibotCallbackController.class);
    static final String CHANNEL = "wecom-aibot";
    static final String WELCOME = "您好，我是电子票据运维助手。在群里 @我 描述问题即可，例如“开票失败”；发送 /help 查看全部命令。";

    private final WecomProperties props;
    private final WecomCryptos cryptos;
    private final CallbackGuard guard;
    private final ObjectMapper mapper;
    private final WecomPipeline pipeline;
    private final AibotReplies replies;
    private final CardActions cards;
    private final Clock clock;

    AibotCallbackController(WecomProperties props, WecomCryptos cryptos, CallbackGuard guard, ObjectMapper mapper,
                            WecomPipeline pipeline, AibotReplies replies, CardActions cards, Clock clock) {
        this.props = props;
        this.cryptos = cryptos;
        this.guard = guard;
        this.mapper = mapper;
        this.pipeline = pipeline;
        this.replies = replies;
        this.cards = cards;
        this.clock = clock;
    }

    @GetMapping
    ResponseEntity<String> verifyUrl(@RequestParam(name = "msg_signature", required = false) String signature,
                                     @RequestParam(required = false) String timestamp,
                                     @RequestParam(required = false) String nonce,
                                     @RequestParam(required = false) String echostr) {
        String plain = guard.verifyAndDecrypt(crypto(), signature, timestamp, nonce, echostr);
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(plain);
    }

    @PostMapping
    ResponseEntity<Object> receive(@RequestParam(name = "msg_signature", required = false) String signature,
                                   @RequestParam(required = false) String timestamp,
                                   @RequestParam(required = false) String nonce,
                                   HttpServletRequest request) {
        WecomCrypto crypto = crypto();
        String body = guard.body(request);
        String encrypt;
        try {
            JsonNode envelope = mapper.readTree(body);
            encrypt = envelope == null ? null : envelope.path("encrypt").asString(null);
        } catch (JacksonException e) {
            throw new CallbackRejected(HttpStatus.BAD_REQUEST, "malformed_json", "请求体不是 JSON");
        }
        String plain = guard.verifyAndDecrypt(crypto, signature, timestamp, nonce, encrypt);
        AibotMessage m = AibotMessage.parse(mapper, plain);
        String botId = props.aibot().botId();
        if (WecomProperties.set(botId) && !botId.equals(m.botId())) {
            throw new CallbackRejected(HttpStatus.FORBIDDEN, "unknown_bot", "机器人 ID 与配置不符");
        }
        if (m.msgId().isBlank()) {
            throw new CallbackRejected(HttpStatus.BAD_REQUEST, "missing_msgid", "消息缺少 msgid");
        }
        if ("event".equals(m.msgType())) {
            return onEvent(m, crypto, nonce);
        }
        if (!m.isUserText()) {
            return ResponseEntity.ok().build(); // stream refresh: we answer through response_url instead
        }
        InboundMessage in = InboundLimits.check(
                new InboundMessage(CHANNEL, m.chatId(), m.userId(), m.text(), m.msgId(), clock.instant()));
        pipeline.submit(in, replies.to(m.responseUrl()), m.responseUrl());
        return ResponseEntity.ok().build();
    }

    private ResponseEntity<Object> onEvent(AibotMessage m, WecomCrypto crypto, String nonce) {
        switch (m.eventType()) {
            case "enter_chat" -> {
                String json = mapper.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", WELCOME)));
                String ts = Long.toString(clock.instant().getEpochSecond());
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                        .body(crypto.jsonReply(json, ts, nonce));
            }
            case "template_card_event" -> pipeline.later(() ->
                    replies.to(m.responseUrl()).deliver(List.of(cards.onClick(m.eventKey(), m.userId()))));
            default -> log.debug("aibot event {} ignored", m.eventType());
        }
        return ResponseEntity.ok().build();
    }

    private WecomCrypto crypto() {
        return cryptos.aibot().orElseThrow(() -> new CallbackRejected(HttpStatus.NOT_FOUND, "route_disabled",
                "智能机器人回调未配置（wecom.aibot.token / encoding-aes-key）"));
    }
}
