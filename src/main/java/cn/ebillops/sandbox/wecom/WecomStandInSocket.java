package cn.ebillops.sandbox.wecom;

import cn.ebillops.wecom.WecomProperties;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 * The stand-in's long-connection endpoint (/sandbox/wecom/aibot/ws): subscribe with bot id and
 * secret, ping, one live connection per bot (a new subscription kicks the old with
 * disconnected_event), message callbacks, and it records finished answers per chat.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@ConditionalOnProperty(name = "ebillops.sandbox.enabled", havingValue = "true")
public class WecomStandInSocket extends TextWebSocketHandler implements WebSocketConfigurer {

    public static final String PATH = "/sandbox/wecom/aibot/ws";

    private record Pending(String chatId, String chatType) {
    }

    private final WecomProperties props;
    private final WecomStandIn standIn;
    private final ObjectMapper mapper;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final List<String> subscriptions = new ArrayList<>();
    private WebSocketSession active;
    private final java.util.concurrent.atomic.AtomicInteger pings = new java.util.concurrent.atomic.AtomicInteger();
    /** What the next aibot_send_msg gets: 0 (taken), an errcode WeCom refuses it with, or {@link #NO_ACK}. */
    private final java.util.concurrent.atomic.AtomicInteger nextPush = new java.util.concurrent.atomic.AtomicInteger();
    private static final int NO_ACK = Integer.MIN_VALUE;
    private final StandInStreams streams = new StandInStreams();
    private final StandInCards cards = new StandInCards();

    public WecomStandInSocket(WecomProperties props, WecomStandIn standIn, ObjectMapper mapper) {
        this.props = props;
        this.standIn = standIn;
        this.mapper = mapper;
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
        switch (cmd) {
            case "aibot_subscribe" -> subscribe(session, reqId, body);
            case "ping" -> {
                pings.incrementAndGet();
                send(session, ack(reqId, 0));
            }
            case "aibot_respond_msg" -> {
                Pending p = pending.get(reqId);
                if (p == null) {
                    send(session, ack(reqId, 40008));
                    return;
                }
                int refused = streams.next(p.chatId(), body);
                if (refused != 0) {
                    if (refused != StandInStreams.NO_ACK) {
                        send(session, ack(reqId, refused));
                    }
                    return;
                }
                String type = body.path("msgtype").asString("");
                if ("stream".equals(type) && body.path("stream").path("finish").asBoolean(false)) {
                    standIn.record(p.chatId(), "aibot", body.path("stream").path("content").asString(""));
                } else if ("markdown".equals(type)) {
                    standIn.record(p.chatId(), "aibot", body.path("markdown").path("content").asString(""));
                }
                send(session, ack(reqId, 0));
            }
            case "aibot_respond_welcome_msg" -> {
                Pending p = pending.get(reqId);
                if (p != null) {
                    standIn.record(p.chatId(), "aibot-welcome", body.path("text").path("content").asString(""));
                }
                send(session, ack(reqId, 0));
            }
            case "aibot_send_msg" -> {
                int errcode = nextPush.getAndSet(0);
                if (errcode == 0) {
                    standIn.record(body.path("chatid").asString(""), "aibot-push",
                            body.path("markdown").path("content").asString(""));
                }
                if (errcode != NO_ACK) {
                    send(session, ack(reqId, errcode));
                }
            }
            case "aibot_respond_update_msg" -> send(session, ack(reqId, pending.containsKey(reqId)
                    ? cards.update(pending.get(reqId).chatId(), body) : 40008));
            default -> send(session, ack(reqId, 40058));
        }
    }

    private void subscribe(WebSocketSession session, String reqId, JsonNode body) throws IOException {
        var a = props.aibot();
        if (!body.path("bot_id").asString("").equals(a.botId()) || !body.path("secret").asString("").equals(a.secret())) {
            send(session, ack(reqId, 40058));
            return;
        }
        WebSocketSession old;
        synchronized (this) {
            old = active;
            active = new ConcurrentWebSocketSessionDecorator(session, 5000, 1 << 20);
            subscriptions.add(session.getId());
        }
        send(session, ack(reqId, 0));
        if (old != null && old.isOpen() && !old.getId().equals(session.getId())) {
            Map<String, Object> event = Map.of("eventtype", "disconnected_event");
            sendFrame(old, "aibot_event_callback", UUID.randomUUID().toString(),
                    Map.of("msgtype", "event", "aibotid", a.botId(), "event", event));
            old.close(CloseStatus.NORMAL);
        }
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

    /** The next aibot_send_msg is refused with {@code errcode} (e.g. 846608, 45009) and not delivered (tests). */
    public void refuseNextPush(int errcode) {
        nextPush.set(errcode);
    }

    /** The next aibot_send_msg is lost: not delivered and never acked (tests of the ack timeout). */
    public void loseNextPush() {
        nextPush.set(NO_ACK);
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
        return callback("aibot_event_callback", chatId, "group",
                cards.click(props.aibot().botId(), chatId, userId, eventKey, taskId));
    }

    /** Pings received so far (tests of the keep-alive). */
    public int pings() {
        return pings.get();
    }

    public synchronized boolean connected() {
        return active != null && active.isOpen();
    }

    /** A user's message to the bot through the live connection; false when no bot is connected. */
    public boolean userMessage(String chatId, String chatType, String userId, String text, String msgId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msgid", msgId);
        body.put("aibotid", props.aibot().botId());
        if ("group".equals(chatType)) {
            body.put("chatid", chatId);
        }
        body.put("chattype", chatType);
        body.put("from", Map.of("userid", userId));
        body.put("msgtype", "text");
        body.put("text", Map.of("content", text));
        return callback("aibot_msg_callback", chatId, chatType, body);
    }

    private boolean callback(String cmd, String chatId, String chatType, Map<String, Object> body) {
        WebSocketSession s;
        synchronized (this) {
            s = active;
        }
        if (s == null || !s.isOpen()) {
            return false;
        }
        String reqId = UUID.randomUUID().toString();
        pending.put(reqId, new Pending(chatId, chatType));
        try {
            sendFrame(s, cmd, reqId, body);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String ack(String reqId, int errcode) {
        return mapper.writeValueAsString(Map.of("headers", Map.of("req_id", reqId), "errcode", errcode,
                "errmsg", errcode == 0 ? "ok" : "refused"));
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
