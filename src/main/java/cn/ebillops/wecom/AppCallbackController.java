package cn.ebillops.wecom;

import cn.ebillops.channel.InboundLimits;
import cn.ebillops.channel.InboundMessage;
import cn.ebillops.infra.KeyValueStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
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

/**
 * Self-built app callback (1:1 chats inside the app, card button clicks): encrypted XML with
 * receiveid = corp id. Answers an empty body at once; the answer goes back by message/send to the
 * sender, and what that cannot carry goes round through {@link WecomPipeline}.
 */
@RestController
@RequestMapping("/wecom/app/callback")
class AppCallbackController {

    private static final Logger log = LoggerFactory.getLogger(AppCallbackController.class);
    static final String CHANNEL = "wecom-app";

    private final WecomProperties props;
    private final WecomCryptos cryptos;
    private final CallbackGuard guard;
    private final WecomPipeline pipeline;
    private final WecomAppClient app;
    private final CardActions cards;
    private final KeyValueStore store;
    private final Clock clock;

    AppCallbackController(WecomProperties props, WecomCryptos cryptos, CallbackGuard guard, WecomPipeline pipeline,
                          WecomAppClient app, CardActions cards, KeyValueStore store, Clock clock) {
        this.props = props;
        this.cryptos = cryptos;
        this.guard = guard;
        this.pipeline = pipeline;
        this.app = app;
        this.cards = cards;
        this.store = store;
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
    ResponseEntity<String> receive(@RequestParam(name = "msg_signature", required = false) String signature,
                                   @RequestParam(required = false) String timestamp,
                                   @RequestParam(required = false) String nonce,
                                   HttpServletRequest request) {
        WecomCrypto crypto = crypto();
        Map<String, String> envelope = SafeXml.parseFlat(guard.body(request));
        String plain = guard.verifyAndDecrypt(crypto, signature, timestamp, nonce, envelope.get("Encrypt"));
        Map<String, String> msg = SafeXml.parseFlat(plain);
        String from = msg.getOrDefault("FromUserName", "");
        if (from.isBlank()) {
            throw new CallbackRejected(HttpStatus.BAD_REQUEST, "missing_sender", "消息缺少 FromUserName");
        }
        String type = msg.getOrDefault("MsgType", "");
        if ("text".equals(type)) {
            String msgId = msg.getOrDefault("MsgId", "");
            if (msgId.isBlank()) {
                throw new CallbackRejected(HttpStatus.BAD_REQUEST, "missing_msgid", "消息缺少 MsgId");
            }
            InboundMessage in = InboundLimits.check(new InboundMessage(CHANNEL, from, from,
                    msg.getOrDefault("Content", ""), msgId, clock.instant()));
            pipeline.submit(in, replyTo(from));
        } else if ("event".equals(type) && "template_card_event".equals(msg.get("Event"))) {
            onCardClick(from, msg);
        } else {
            log.debug("wecom app {} message ignored", type);
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("");
    }

    private void onCardClick(String from, Map<String, String> msg) {
        String key = msg.getOrDefault("EventKey", "");
        // Retried callbacks carry the same sender, time and key: act once.
        String dedup = "wecom-app:card:" + from + ":" + msg.getOrDefault("CreateTime", "") + ":" + key + ":"
                + msg.getOrDefault("TaskId", "");
        if (!store.setIfAbsent(dedup, "1", Duration.ofHours(24))) {
            return;
        }
        pipeline.later(() -> replyTo(from).deliver(List.of(cards.onClick(key, from))));
    }

    /** This route's way back: message/send to the person, all replies in one message. */
    private ReplyRoute replyTo(String userId) {
        return replies -> {
            app.sendMarkdown(userId, ReplyRoute.markdown(replies));
            return "";
        };
    }

    private WecomCrypto crypto() {
        if (!props.app().callbackEnabled()) {
            throw new CallbackRejected(HttpStatus.NOT_FOUND, "route_disabled",
                    "自建应用回调未配置（wecom.app.corp-id / token / encoding-aes-key）");
        }
        return cryptos.app().orElseThrow();
    }
}
