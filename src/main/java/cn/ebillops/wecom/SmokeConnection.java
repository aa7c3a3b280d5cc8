package cn.ebillops.wecom;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * One AI bot long connection for scripts/smoke-wecom.sh, spoken with the running assistant's own parts: frames
 * from {@link AibotProtocol}, read by {@link AibotFrameReader}, each request held until its ack by {@link AibotAcks}
 * (same timeout). Unlike {@link AibotSocket} it connects once, never reconnects and keeps no lease: it exists to
 * say whether subscribe and push work. WeCom's errmsg of each ack is kept for the report (it holds no secret).
 */
final class SmokeConnection implements AutoCloseable {

    private final String url;
    private final AibotProtocol protocol;
    private final AibotAcks acks = new AibotAcks();
    private final ObjectMapper mapper;
    private final Map<String, String> errmsgs = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(AibotSocket.CONNECT_TIMEOUT).build();
    private final Object sendLock = new Object(); // the JDK WebSocket takes one send at a time
    private volatile WebSocket ws;

    SmokeConnection(SmokeSettings.Loaded settings, ObjectMapper mapper) {
        this.url = settings.endpoints().aibotWsUrl();
        this.protocol = new AibotProtocol(settings.props(), mapper);
        this.mapper = mapper;
    }

    /** The WebSocket could not be opened (refused, timed out, HTTP answer instead of an upgrade) or a frame not sent. */
    static final class NotConnected extends Exception {
        NotConnected(String reason) {
            super(reason);
        }
    }

    /** WeCom refused a request ({@code errcode}, {@code errmsg}) or did not answer in time ({@link AibotAcks#NO_ACK}). */
    static final class Refused extends Exception {
        private final int errcode;
        private final String errmsg;

        Refused(int errcode, String errmsg) {
            super("errcode " + errcode);
            this.errcode = errcode;
            this.errmsg = errmsg;
        }

        int errcode() {
            return errcode;
        }

        String errmsg() {
            return errmsg;
        }
    }

    String url() {
        return url;
    }

    /** Opens the connection and subscribes with the bot id and secret. */
    void subscribe() throws NotConnected, Refused {
        connect();
        String reqId = AibotProtocol.newReqId();
        call(new AibotProtocol.Request(reqId, protocol.subscribe(reqId)));
    }

    /** aibot_send_msg of {@code markdown} to {@code chatId}, each frame acked before the next. */
    void push(String chatId, String markdown) throws NotConnected, Refused {
        for (AibotProtocol.Request r : protocol.pushes(chatId, markdown)) {
            call(r);
        }
    }

    private void call(AibotProtocol.Request r) throws NotConnected, Refused {
        try {
            acks.call(r.reqId(), () -> send(r.text()));
        } catch (AibotAcks.Refused e) {
            throw new Refused(e.errcode(), errmsgs.getOrDefault(r.reqId(), ""));
        } catch (IllegalStateException e) {
            throw new NotConnected(e.getMessage());
        }
    }

    private void connect() throws NotConnected {
        try {
            ws = http.newWebSocketBuilder().connectTimeout(AibotSocket.CONNECT_TIMEOUT)
                    .buildAsync(URI.create(url), new AibotFrameReader(this::onFrame, (socket, reason) -> { }))
                    .get(AibotSocket.CONNECT_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotConnected("InterruptedException");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new NotConnected(cause.getClass().getSimpleName());
        } catch (TimeoutException e) {
            throw new NotConnected("TimeoutException");
        }
    }

    private void onFrame(WebSocket socket, String text) {
        protocol.decode(text).ifPresent(frame -> {
            if (frame.errcode() != 0 && !frame.isCallback()) {
                errmsgs.put(frame.reqId(), errmsg(text));
            }
            acks.answered(frame); // callbacks (users writing meanwhile) are nobody's business here
        });
    }

    private String errmsg(String text) {
        try {
            return mapper.readTree(text).path("errmsg").asString("");
        } catch (JacksonException e) {
            return "";
        }
    }

    private void send(String frame) {
        synchronized (sendLock) {
            try {
                ws.sendText(frame, true).get(AibotSocket.SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending");
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("frame not sent: " + e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public void close() {
        WebSocket socket = ws;
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "smoke test done").orTimeout(2, TimeUnit.SECONDS)
                    .whenComplete((r, e) -> socket.abort()).exceptionally(e -> null).join();
        }
    }
}
