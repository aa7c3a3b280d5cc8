package cn.ebillops.wecom;

import cn.ebillops.infra.RetryPolicy;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Keeps the AI bot's long connection up on the instance that holds the {@link AibotLease}: connects, subscribes, pings, drops
 * a silent connection and reconnects after {@link RetryPolicy#reconnectWait}, but stays off once another connection took the
 * bot over; upkeep ticks on the {@link TaskScheduler}. Callbacks are published as {@link Received} events, in order, on the
 * listener thread (the routes that answer depend on the socket, not the other way round); acks go to {@link AibotAcks}.
 */
@Component
class AibotSocket {

    private static final Logger log = LoggerFactory.getLogger(AibotSocket.class);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10), SEND_TIMEOUT = Duration.ofSeconds(10);

    /** A user's message or event on the connection {@code ws} of {@code socket}; its answers go back on it. */
    record Received(AibotSocket socket, WebSocket ws, AibotProtocol.Frame frame) {

        /** A reply to this frame on the connection it came by; {@link IllegalStateException} when not sent. */
        void reply(String frame) {
            socket.send(ws, frame);
        }
        void replyQuietly(String frame) {
            socket.sendQuietly(ws, frame);
        }
    }

    private final WecomProperties.Aibot config;
    private final WecomEndpoints endpoints;
    private final AibotLease lease;
    private final AibotProtocol protocol;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TaskScheduler scheduler;
    private final AibotAcks acks;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final Object sendLock = new Object(); // the JDK WebSocket takes one send at a time

    // guarded by this
    private boolean connecting;
    private WebSocket socket;
    private boolean subscribed;
    private String subscribeReqId;
    private int failures;
    /** When another connection took the bot over (disconnected_event): stay off while this instance holds the lock. */
    private Instant replacedAt;
    private Instant nextConnectAt = Instant.EPOCH;
    private Instant lastPingAt = Instant.EPOCH;
    private Instant lastFrameAt = Instant.EPOCH;
    private ScheduledFuture<?> ticking;

    AibotSocket(WecomProperties props, WecomEndpoints endpoints, AibotLease lease, AibotProtocol protocol, AibotAcks acks,
                Clock clock, ApplicationEventPublisher events, TaskScheduler scheduler) {
        this.acks = acks;
        this.config = props.aibot();
        this.endpoints = endpoints;
        this.lease = lease;
        this.protocol = protocol;
        this.clock = clock;
        this.events = events;
        this.scheduler = scheduler;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (!config.longConnectionEnabled() || !config.autoStart() || ticking != null) {
            return;
        }
        ticking = scheduler.scheduleWithFixedDelay(this::tickQuietly, lease.renewEvery());
    }

    /** Graceful stop: closes the connection and releases the lease so another instance takes over now. */
    @PreDestroy
    void stop() {
        stopScheduler();
        synchronized (this) {
            closeSocket("shutdown");
            lease.release();
        }
    }

    /** Simulates a dead holder (tests): stops everything but keeps the lease until it expires. */
    void crash() {
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
        if (ticking != null) {
            ticking.cancel(true);
            ticking = null;
        }
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("aibot long connection tick failed: {}", e.toString());
        }
    }

    /** One round of lease, connection upkeep and ping; runs every {@link AibotLease#renewEvery()}. */
    synchronized void tick() {
        if (!lease.hold()) {
            replacedAt = null; // the lock changed hands: whoever takes it next connects afresh
            closeSocket("lock lost");
            return;
        }
        Instant now = clock.instant();
        if (socket == null) {
            if (!connecting && replacedAt == null && !now.isBefore(nextConnectAt)) {
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
            sendQuietly(socket, protocol.ping());
        }
    }

    synchronized boolean isSubscribed() {
        return subscribed;
    }
    /** Since when this instance stays off because another connection took the bot over; null while it does not. */
    synchronized Instant replacedAt() {
        return replacedAt;
    }

    /** When the last frame from WeCom arrived (injected clock): tests know by it that a ping was answered. */
    synchronized Instant lastFrameAt() {
        return lastFrameAt;
    }

    /** aibot_send_msg, each frame acked before the next. False: not subscribed here; {@link AibotAcks.Refused}: not taken. */
    boolean push(String chatId, String markdown) {
        java.util.Optional<java.util.function.Consumer<String>> ws = sender();
        ws.ifPresent(s -> protocol.pushes(chatId, markdown).forEach(r -> acks.call(r.reqId(), () -> s.accept(r.text()))));
        return ws.isPresent();
    }

    /** The subscribed connection's frame sender (pushes, {@link AibotMediaUpload}); empty when this instance has none. */
    synchronized java.util.Optional<java.util.function.Consumer<String>> sender() {
        WebSocket ws = subscribed ? socket : null;
        return ws == null ? java.util.Optional.empty() : java.util.Optional.of(frame -> send(ws, frame));
    }

    private void connect() {
        connecting = true;
        lastFrameAt = clock.instant();
        URI uri = URI.create(endpoints.aibotWsUrl());
        http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT).buildAsync(uri, new AibotFrameReader(this::onFrame, this::disconnected))
                .whenComplete((ws, error) -> {
                    synchronized (this) {
                        connecting = false;
                        if (error != null) {
                            failed("connect failed: " + error.getClass().getSimpleName());
                            return;
                        }
                        if (!lease.held()) {
                            ws.abort();
                            return;
                        }
                        socket = ws;
                        subscribeReqId = AibotProtocol.newReqId();
                        lastFrameAt = clock.instant();
                    }
                    sendQuietly(ws, protocol.subscribe(subscribeReqId));
                });
    }

    private synchronized void failed(String reason) {
        failures++;
        Duration delay = RetryPolicy.reconnectWait(failures, config.maxBackoff());
        nextConnectAt = clock.instant().plus(delay);
        log.warn("智能机器人长连接断开（{}），{} 毫秒后重连", reason, delay.toMillis());
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
        AibotProtocol.Frame frame = protocol.decode(text).orElse(null);
        if (frame == null) {
            return;
        }
        synchronized (this) {
            if (ws != socket) {
                return;
            }
            lastFrameAt = clock.instant();
            if (frame.answers(subscribeReqId)) {
                subscribed(ws, frame.errcode());
                return;
            }
        }
        if (frame.replacedByAnotherConnection()) {
            replaced(ws);
        } else if (frame.isCallback()) {
            events.publishEvent(new Received(this, ws, frame));
        } else {
            acks.answered(frame); // or an answer to a ping or reply, which nobody waits for
        }
    }

    /**
     * Stops without reconnecting, as the official client does: a reconnect would kick the new holder. The lock
     * stays held so no sibling instance kicks it either; once the lock changes hands its holder decides.
     */
    private synchronized void replaced(WebSocket ws) {
        if (ws == socket) {
            log.warn("智能机器人长连接：另一个连接接管了机器人（disconnected_event），本实例停止连接、不再重连，以免把对方顶下线");
            replacedAt = clock.instant();
            closeSocket("replaced by another connection");
        }
    }

    private synchronized void subscribed(WebSocket ws, int errcode) {
        if (errcode == 0) {
            subscribed = true;
            failures = 0;
            lastPingAt = clock.instant();
            log.info("智能机器人长连接：订阅成功");
        } else {
            log.error("智能机器人长连接：订阅被拒绝 errcode {}（请检查 wecom.aibot.bot-id / secret）", errcode);
            disconnected(ws, "subscribe refused " + errcode);
            ws.abort();
        }
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
}
