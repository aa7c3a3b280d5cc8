package cn.ebillops.wecom;

import cn.ebillops.channel.InboundLimits;
import cn.ebillops.channel.InboundMessage;
import cn.ebillops.channel.Reply;
import cn.ebillops.infra.KeyValueStore;
import cn.ebillops.web.RequestRefused;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * AI bot long connection. WeCom keeps one live connection per bot (a new one kicks the old), so
 * the instances elect a holder with a lock in the KeyValueStore (expiry + renewal; when the
 * holder dies the lock expires and the next instance takes over within lock-ttl + one tick).
 * The holder subscribes, pings, reconnects with capped exponential back-off and jitter, and
 * answers each message with a stream (aibot_respond_msg, same req_id) pushed until finish.
 */
@Component
class AibotLongConnection {

    private static final Logger log = LoggerFactory.getLogger(AibotLongConnection.class);
    static final String CHANNEL = "wecom-aibot";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    static final int STREAM_MAX_BYTES = 20480;

    private final WecomProperties.Aibot config;
    private final WecomEndpoints endpoints;
    private final KeyValueStore store;
    private final Clock clock;
    private final WecomPipeline pipeline;
    private final ObjectMapper mapper;
    private final CardActions cards;
    private final String instanceId = UUID.randomUUID().toString();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final Object sendLock = new Object();

    // guarded by this
    private boolean leader;
    private boolean connecting;
    private WebSocket socket;
    private boolean subscribed;
    private String subscribeReqId;
    private int failures;
    private Instant nextConnectAt = Instant.EPOCH;
    private Instant lastPingAt = Instant.EPOCH;
    private Instant lastFrameAt = Instant.EPOCH;
    private ScheduledExecutorService scheduler;

    public AibotLongConnection(WecomProperties props, WecomEndpoints endpoints, KeyValueStore store, Clock clock,
                               WecomPipeline pipeline, ObjectMapper mapper, CardActions cards) {
        this.config = props.aibot();
        this.endpoints = endpoints;
        this.store = store;
        this.clock = clock;
        this.pipeline = pipeline;
        this.mapper = mapper;
        this.cards = cards;
    }

    public boolean enabled() {
        return config.longConnectionEnabled();
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        if (!enabled() || !config.autoStart() || scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wecom-aibot-ws");
            t.setDaemon(true);
            return t;
        });
        long tickMs = tickInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::tickQuietly, 0, tickMs, TimeUnit.MILLISECONDS);
    }

    /** Graceful stop: closes the connection and releases the lock so another instance takes over now. */
    @PreDestroy
    public void stop() {
        stopScheduler();
        synchronized (this) {
            closeSocket("shutdown");
            if (leader) {
                store.unlock(lockName(), instanceId);
                leader = false;
            }
        }
    }

    /** Simulates a dead holder (tests): stops everything but keeps the lock until it expires. */
    public void crash() {
        stopScheduler();
        synchronized (this) {
            WebSocket ws = socket;
            socket = null;
            subscribed = false;
            if (ws != null) {
                ws.abort();
            }
        }
    }

    private synchronized void stopScheduler() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    Duration tickInterval() {
        long ms = Math.min(config.lockTtl().toMillis() / 4, 5000);
        return Duration.ofMillis(Math.max(100, ms));
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("aibot long connection tick failed: {}", e.toString());
        }
    }

    /** One round of election, connection upkeep and ping; runs every few seconds. */
    public synchronized void tick() {
        Instant now = clock.instant();
        if (leader) {
            // an expired but free lock is simply taken again (e.g. after a long GC pause)
            if (!store.renewLock(lockName(), instanceId, config.lockTtl())
                    && !store.tryLock(lockName(), instanceId, config.lockTtl())) {
                log.warn("智能机器人长连接：锁已失去，交给其他实例");
                leader = false;
                closeSocket("lock lost");
                return;
            }
        } else if (store.tryLock(lockName(), instanceId, config.lockTtl())) {
            leader = true;
            log.info("智能机器人长连接：本实例成为连接持有者");
        } else {
            return;
        }
        if (socket == null) {
            if (!connecting && !now.isBefore(nextConnectAt)) {
                connect();
            }
            return;
        }
        Duration silence = Duration.between(lastFrameAt, now);
        if (silence.compareTo(config.pingInterval().multipliedBy(2).plusSeconds(10)) > 0) {
            log.warn("智能机器人长连接：{} 秒无响应，重新连接", silence.toSeconds());
            WebSocket ws = socket;
            disconnected(ws, "silent");
            ws.abort();
            return;
        }
        if (subscribed && !now.isBefore(lastPingAt.plus(config.pingInterval()))) {
            lastPingAt = now;
            sendQuietly(socket, frame("ping", newReqId(), null));
        }
    }

    public synchronized boolean isLeader() {
        return leader;
    }

    public synchronized boolean isSubscribed() {
        return subscribed;
    }

    /** When the last frame from WeCom arrived (injected clock): tests know by it that a ping was answered. */
    synchronized Instant lastFrameAt() {
        return lastFrameAt;
    }

    String lockName() {
        return "wecom:aibot:holder:" + config.botId();
    }

    private void connect() {
        connecting = true;
        lastFrameAt = clock.instant();
        URI uri = URI.create(endpoints.aibotWsUrl());
        http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT).buildAsync(uri, new Listener())
                .whenComplete((ws, error) -> {
                    synchronized (this) {
                        connecting = false;
                        if (error != null) {
                            failed("connect failed: " + error.getClass().getSimpleName());
                            return;
                        }
                        if (!leader) {
                            ws.abort();
                            return;
                        }
                        socket = ws;
                        subscribeReqId = newReqId();
                        lastFrameAt = clock.instant();
                    }
                    sendQuietly(ws, frame("aibot_subscribe", subscribeReqId,
                            Map.of("bot_id", config.botId(), "secret", config.secret())));
                });
    }

    private synchronized void failed(String reason) {
        failures++;
        Duration delay = backoff(failures, config.maxBackoff());
        nextConnectAt = clock.instant().plus(delay);
        log.warn("智能机器人长连接断开（{}），{} 毫秒后重连", reason, delay.toMillis());
    }

    /** Capped exponential back-off with jitter: 1 s, 2 s, 4 s … up to max, each times 0.5-1.0. */
    static Duration backoff(int failures, Duration max) {
        long base = Math.min(max.toMillis(), 1000L << Math.min(failures - 1, 20));
        return Duration.ofMillis((long) (base * (0.5 + ThreadLocalRandom.current().nextDouble() * 0.5)));
    }

    private synchronized void disconnected(WebSocket ws, String reason) {
        if (ws != socket || ws == null) {
            return;
        }
        socket = null;
        subscribed = false;
        failed(reason);
    }

    private void closeSocket(String reason) {
        WebSocket ws = socket;
        socket = null;
        subscribed = false;
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, reason).orTimeout(2, TimeUnit.SECONDS)
                    .whenComplete((r, e) -> ws.abort());
        }
    }

    private void onFrame(WebSocket ws, String text) {
        JsonNode frame;
        try {
            frame = mapper.readTree(text);
        } catch (JacksonException e) {
            log.warn("aibot long connection: malformed frame ignored");
            return;
        }
        String cmd = frame.path("cmd").asString("");
        String reqId = frame.path("headers").path("req_id").asString("");
        synchronized (this) {
            if (ws != socket) {
                return;
            }
            lastFrameAt = clock.instant();
            if (cmd.isEmpty() && reqId.equals(subscribeReqId)) {
                int code = frame.path("errcode").asInt(-1);
                if (code == 0) {
                    subscribed = true;
                    failures = 0;
                    lastPingAt = clock.instant();
                    log.info("智能机器人长连接：订阅成功");
                } else {
                    log.error("智能机器人长连接：订阅被拒绝 errcode {}（请检查 wecom.aibot.bot-id / secret）", code);
                    disconnected(ws, "subscribe refused " + code);
                    ws.abort();
                }
                return;
            }
        }
        switch (cmd) {
            case "aibot_msg_callback" -> onMessage(ws, reqId, AibotMessage.from(frame.path("body")));
            case "aibot_event_callback" -> onEvent(ws, reqId, AibotMessage.from(frame.path("body")));
            default -> { } // ping answers and acknowledgements of our frames
        }
    }

    private void onMessage(WebSocket ws, String reqId, AibotMessage m) {
        if (WecomProperties.set(m.botId()) && !m.botId().equals(config.botId())) {
            log.warn("aibot long connection: message for unknown bot refused");
            return;
        }
        if (m.msgId().isBlank() || !m.isUserText()) {
            return;
        }
        InboundMessage in;
        try {
            in = InboundLimits.check(
                    new InboundMessage(CHANNEL, m.chatId(), m.userId(), m.text(), m.msgId(), clock.instant()));
        } catch (RequestRefused e) {
            log.warn("aibot long connection: message refused: {}", e.code());
            return;
        }
        String streamId = UUID.randomUUID().toString();
        pipeline.submit(in, replies -> answer(ws, reqId, streamId, m, in, replies));
    }

    /**
     * The first reply as a stream; what does not fit in one stream (20480 bytes) and the further
     * replies are pushed as later messages. What cannot be pushed goes round by the group robot /
     * app ({@link WecomPipeline#sendAround}): the streamed part is out already and is not repeated.
     */
    private void answer(WebSocket ws, String reqId, String streamId, AibotMessage m, InboundMessage in,
                        List<Reply> replies) {
        String first = AibotReplies.withLinks(replies.get(0));
        String streamed = MarkdownSplitter.split(first, STREAM_MAX_BYTES).get(0);
        streamAnswer(ws, reqId, streamId, streamed);
        List<String> later = new ArrayList<>();
        if (streamed.length() < first.length()) {
            later.add(first.substring(streamed.length()));
        }
        replies.subList(1, replies.size()).forEach(r -> later.add(AibotReplies.withLinks(r)));
        for (int i = 0; i < later.size(); i++) {
            boolean pushed;
            try {
                pushed = push(m.chatId(), m.chatType(), later.get(i));
            } catch (RuntimeException e) {
                pushed = false;
            }
            if (!pushed) {
                log.warn("wecom message {} on {}: rest of the answer not pushed, sending it through the group robot / app",
                        in.messageId(), in.channel());
                pipeline.sendAround(in, later.subList(i, later.size()).stream().map(Reply::of).toList(), "");
                return;
            }
        }
    }

    /** Pushes the answer paragraph by paragraph (content is always the whole text so far, ≤ 20480 bytes). */
    private void streamAnswer(WebSocket ws, String reqId, String streamId, String text) {
        List<String> steps = new ArrayList<>();
        int at = text.indexOf("\n\n");
        while (at > 0 && steps.size() < 3) {
            steps.add(text.substring(0, at));
            at = text.indexOf("\n\n", at + 2);
        }
        for (String partial : steps) {
            send(ws, frame("aibot_respond_msg", reqId, stream(streamId, false, partial)));
        }
        send(ws, frame("aibot_respond_msg", reqId, stream(streamId, true, text)));
    }

    private static Map<String, Object> stream(String id, boolean finish, String content) {
        return Map.of("msgtype", "stream", "stream", Map.of("id", id, "finish", finish, "content", content));
    }

    private void onEvent(WebSocket ws, String reqId, AibotMessage m) {
        switch (m.eventType()) {
            case "enter_chat" -> sendQuietly(ws, frame("aibot_respond_welcome_msg", reqId,
                    Map.of("msgtype", "text", "text", Map.of("content", AibotCallbackController.WELCOME))));
            case "template_card_event" -> pipeline.later(() -> {
                Reply reply = cards.onClick(m.eventKey(), m.userId());
                send(ws, frame("aibot_respond_msg", reqId, Map.of("msgtype", "markdown",
                        "markdown", Map.of("content", AibotReplies.withLinks(reply)))));
            });
            case "disconnected_event" -> {
                log.warn("智能机器人长连接：被新的连接顶替（disconnected_event）");
                disconnected(ws, "replaced by another connection");
                ws.abort();
            }
            default -> log.debug("aibot event {} ignored", m.eventType());
        }
    }

    /**
     * A later message into a conversation where a user has written to the bot (aibot_send_msg),
     * as several messages when longer than 20480 bytes. False when this instance holds no
     * subscribed connection; {@link IllegalStateException} when a frame could not be sent.
     */
    public boolean push(String chatId, String chatType, String markdown) {
        WebSocket ws;
        synchronized (this) {
            ws = subscribed ? socket : null;
        }
        if (ws == null) {
            return false;
        }
        for (String part : MarkdownSplitter.split(markdown, STREAM_MAX_BYTES)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("chatid", chatId);
            body.put("chat_type", chatType);
            body.put("msgtype", "markdown");
            body.put("markdown", Map.of("content", part));
            send(ws, frame("aibot_send_msg", newReqId(), body));
        }
        return true;
    }

    private String frame(String cmd, String reqId, Map<String, Object> body) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("cmd", cmd);
        f.put("headers", Map.of("req_id", reqId));
        if (body != null) {
            f.put("body", body);
        }
        return mapper.writeValueAsString(f);
    }

    private void send(WebSocket ws, String frame) {
        synchronized (sendLock) {
            try {
                ws.sendText(frame, true).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending");
            } catch (Exception e) {
                throw new IllegalStateException("frame not sent: " + e.getClass().getSimpleName());
            }
        }
    }

    private void sendQuietly(WebSocket ws, String frame) {
        try {
            send(ws, frame);
        } catch (RuntimeException e) {
            log.warn("aibot long connection: {}", e.getMessage());
        }
    }

    private static String newReqId() {
        return UUID.randomUUID().toString();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder buffer = new StringBuilder();

        @Override
        public void onOpen(WebSocket ws) {
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buffer.append(data);
            if (buffer.length() > 1_000_000) {
                buffer.setLength(0);
                ws.abort();
                return null;
            }
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                try {
                    onFrame(ws, text);
                } catch (RuntimeException e) {
                    log.warn("aibot long connection: frame not handled: {}", e.toString());
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            disconnected(ws, "closed " + statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            disconnected(ws, error.getClass().getSimpleName());
        }
    }
}
