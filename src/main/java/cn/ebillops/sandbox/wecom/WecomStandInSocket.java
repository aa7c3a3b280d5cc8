package cn.ebillops.sandbox.wecom;

import cn.ebillops.wecom.WecomProperties;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The stand-in's long-connection endpoint (/sandbox/wecom/aibot/ws), played as WeCom plays it: subscribe
 * with bot id and secret, ping, one live connection per bot (a new subscription kicks the old with
 * disconnected_event), every message and event type inbound ({@link StandInFrames}), every documented
 * request of the bot accepted and acked per req_id ({@link StandInAcks}, with injectable faults), an
 * unknown cmd refused. It records per chat what a user would see: finished stream replies, welcomes,
 * card updates and pushes.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@ConditionalOnProperty(name = "ebillops.sandbox.enabled", havingValue = "true")
public class WecomStandInSocket extends TextWebSocketHandler implements WebSocketConfigurer {

    public static final String PATH = "/sandbox/wecom/aibot/ws";

    /** A callback the bot may still answer: where it came from and what it was (msgtype or eventtype). */
    private record Pending(String chatId, String chatType, String kind) {
    }

    private final WecomProperties props;
    private final WecomStandIn standIn;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final StandInAcks acks;
    private final StandInMedia media;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final List<String> subscriptions = new ArrayList<>();
    private final AtomicInteger pings = new AtomicInteger();
    private WebSocketSession active;
    private final StandInStreams streams = new StandInStreams();
    private final StandInCards cards = new StandInCards();

    public WecomStandInSocket(WecomProperties props, WecomStandIn standIn, ObjectMapper mapper, Clock clock,
                              StandInMedia media) {
        this.props = props;
        this.standIn = standIn;
        this.mapper = mapper;
        this.clock = clock;
        this.acks = new StandInAcks(mapper);
        this.media = media;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(this, PATH);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        // WeCom takes frames with 20480 bytes of markdown; the container's default buffer is 8 KB
        session.setTextMessageSizeLimit(1 << 20);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        JsonNode f = mapper.readTree(message.getPayload());
        String cmd = f.path("cmd").asString("");
        String reqId = f.path("headers").path("req_id").asString("");
        JsonNode body = f.path("body");
        if (!StandInReplies.KNOWN.contains(cmd)) {
            send(session, acks.ack(cmd, reqId, StandInAcks.UNKNOWN_CMD));
            return;
        }
        int injected = acks.take(cmd);
        if (injected != 0) {
            if (injected != StandInAcks.LOST) {
                send(session, acks.ack(cmd, reqId, injected)); // refused: not delivered
            }
            return;
        }
        switch (cmd) {
            case "aibot_subscribe" -> subscribe(session, reqId, body);
            case "ping" -> {
                pings.incrementAndGet();
                send(session, acks.ack(cmd, reqId, 0));
            }
            case "aibot_upload_media_init", "aibot_upload_media_chunk", "aibot_upload_media_finish" -> send(session, media.answer(cmd, reqId, body));
            case "aibot_send_msg" -> {
                if (StandInMedia.isFileMessage(body)) {
                    send(session, media.pushFile(reqId, body));
                    return;
                }
                standIn.record(body.path("chatid").asString(""), "aibot-push", StandInReplies.shown(body));
                send(session, acks.ack(cmd, reqId, 0));
            }
            default -> respond(session, cmd, reqId, body);
        }
    }

    /** A reply to a callback, on that callback's req_id; refused when there is no such callback or the kind does not fit. */
    private void respond(WebSocketSession session, String cmd, String reqId, JsonNode body) throws IOException {
        Pending p = pending.get(reqId);
        int errcode = p == null ? StandInReplies.INVALID_REQ_ID : StandInReplies.refusal(cmd, p.kind());
        if (errcode == 0) {
            errcode = switch (cmd) {
                case "aibot_respond_msg" -> streams.next(p.chatId(), body);
                case "aibot_respond_update_msg" -> cards.update(p.chatId(), body);
                default -> 0;
            };
        }
        if (errcode == StandInStreams.NO_ACK) {
            return; // lost: never acked
        }
        if (errcode == 0) {
            StandInReplies.shownAs(cmd, body).ifPresent(r -> standIn.record(p.chatId(), r.route(), r.text()));
        }
        send(session, acks.ack(cmd, reqId, errcode));
    }

    private void subscribe(WebSocketSession session, String reqId, JsonNode body) throws IOException {
        var a = props.aibot();
        if (!body.path("bot_id").asString("").equals(a.botId()) || !body.path("secret").asString("").equals(a.secret())) {
            send(session, acks.ack("aibot_subscribe", reqId, 40058));
            return;
        }
        WebSocketSession old;
        synchronized (this) {
            old = active;
            active = new ConcurrentWebSocketSessionDecorator(session, 5000, 1 << 20);
            subscriptions.add(session.getId());
        }
        send(session, acks.ack("aibot_subscribe", reqId, 0));
        if (old != null && old.isOpen() && !old.getId().equals(session.getId())) {
            kick(old);
        }
    }

    /** What WeCom does to the older connection: disconnected_event, then close. */
    private void kick(WebSocketSession old) throws IOException {
        var o = new StandInFrames.Origin(props.aibot().botId(), "", "single", "");
        sendFrame(old, "aibot_event_callback", UUID.randomUUID().toString(),
                StandInFrames.event(o, UUID.randomUUID().toString(), clock.instant(), StandInFrames.Event.disconnected()));
        old.close(CloseStatus.NORMAL);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        synchronized (this) {
            if (active != null && active.getId().equals(session.getId())) {
                active = null;
            }
        }
    }

    /** Session ids that subscribed successfully, in order (tests of the takeover). */
    public synchronized List<String> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /** Drops the live connection as a network failure would (tests of the reconnect). */
    public void dropActive() throws IOException {
        WebSocketSession s;
        synchronized (this) {
            s = active;
            active = null;
        }
        if (s != null) {
            s.close(CloseStatus.GOING_AWAY);
        }
    }

    /** The next request {@code cmd} is refused with {@code errcode} (e.g. 846608, 45009) and not delivered. */
    public void failNext(String cmd, int errcode) {
        acks.failNext(cmd, errcode);
    }

    /** The next request {@code cmd} is lost: not delivered and never acked (tests of the ack timeout). */
    public void loseNext(String cmd) {
        acks.loseNext(cmd);
    }

    /** The acks sent so far, the echo of cmd in acks, forgetting faults (tests of the ack shape). */
    public StandInAcks acks() {
        return acks;
    }

    /** Every stream frame taken, and refusals of the next reply (tests of acks and placeholders). */
    public StandInStreams streams() {
        return streams;
    }

    /** Card updates taken (tests of card clicks). */
    public StandInCards cards() {
        return cards;
    }

    /** {@code userId} clicks the button {@code eventKey} of the card {@code taskId} in a group; false when no bot is connected. */
    public boolean clickCard(String chatId, String userId, String eventKey, String taskId) {
        return callback("aibot_event_callback", chatId, "group", "template_card_event",
                cards.click(props.aibot().botId(), chatId, userId, eventKey, taskId)) != null;
    }

    /** Pings received so far (tests of the keep-alive). */
    public int pings() {
        return pings.get();
    }

    public synchronized boolean connected() {
        return active != null && active.isOpen();
    }

    /** A user's text message to the bot through the live connection; false when no bot is connected. */
    public boolean userMessage(String chatId, String chatType, String userId, String text, String msgId) {
        return message(chatId, chatType, userId, msgId, StandInFrames.Inbound.text(text)) != null;
    }

    /** A user's message of any type (aibot_msg_callback); its req_id, or null when no bot is connected. */
    public String message(String chatId, String chatType, String userId, String msgId, StandInFrames.Inbound m) {
        var o = new StandInFrames.Origin(props.aibot().botId(), chatId, chatType, userId);
        return callback("aibot_msg_callback", chatId, chatType, m.msgtype(),
                StandInFrames.message(o, msgId, clock.instant(), m));
    }

    /**
     * An event (aibot_event_callback); its req_id, or null when no bot is connected. A disconnected_event
     * is followed by closing the connection, as WeCom closes it.
     */
    public String event(String chatId, String chatType, String userId, StandInFrames.Event e) {
        var o = new StandInFrames.Origin(props.aibot().botId(), chatId, chatType, userId);
        String reqId = callback("aibot_event_callback", chatId, chatType, e.eventtype(),
                StandInFrames.event(o, UUID.randomUUID().toString(), clock.instant(), e));
        if (reqId != null && "disconnected_event".equals(e.eventtype())) {
            try {
                dropActive();
            } catch (IOException ignored) {
                // the connection is gone either way
            }
        }
        return reqId;
    }

    private String callback(String cmd, String chatId, String chatType, String kind, Map<String, Object> body) {
        WebSocketSession s;
        synchronized (this) {
            s = active;
        }
        if (s == null || !s.isOpen()) {
            return null;
        }
        String reqId = UUID.randomUUID().toString();
        pending.put(reqId, new Pending(chatId, chatType, kind));
        try {
            sendFrame(s, cmd, reqId, body);
            return reqId;
        } catch (IOException e) {
            return null;
        }
    }

    private void sendFrame(WebSocketSession s, String cmd, String reqId, Map<String, Object> body) throws IOException {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("cmd", cmd);
        f.put("headers", Map.of("req_id", reqId));
        f.put("body", body);
        send(s, mapper.writeValueAsString(f));
    }

    private void send(WebSocketSession s, String text) throws IOException {
        WebSocketSession target = s;
        synchronized (this) {
            if (active != null && active.getId().equals(s.getId())) {
                target = active; // the thread-safe decorator
            }
        }
        synchronized (target) {
            target.sendMessage(new TextMessage(text));
        }
    }
}
