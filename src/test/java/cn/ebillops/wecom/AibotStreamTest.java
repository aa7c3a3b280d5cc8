package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.ebillops.infra.RetryPolicy;
import cn.ebillops.wording.Wording;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.TaskScheduler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One stream reply as the official client sends it: a frame at a time, each after the previous frame's ack; the
 * placeholder first when the answer is not ready by the time the scheduler fires, none when it is; refusals.
 * The scheduler is a stand-in the test fires by hand, so nothing here depends on how long anything takes.
 */
class AibotStreamTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final WecomProperties props = new WecomProperties("http://x",
            new WecomProperties.Aibot("bot", "secret", "ws://x", null, null, Duration.ofSeconds(20),
                    Duration.ofSeconds(30), Duration.ofSeconds(60), false),
            new WecomProperties.App(null, null, null, null, null),
            new WecomProperties.Robot(Map.of(), 20, false, Duration.ofSeconds(1)));
    private final AibotProtocol protocol = new AibotProtocol(props, mapper);
    private final AibotAcks acks = new AibotAcks();
    private final Connection ws = new Connection();
    private final TaskScheduler scheduler = mock(TaskScheduler.class);
    private final ScheduledFuture<?> due = mock(ScheduledFuture.class);
    private Runnable placeholderTask;
    private final AibotStreams streams;
    private final AibotSocket.Received received;

    AibotStreamTest() {
        when(scheduler.getClock()).thenReturn(Clock.systemUTC());
        when(scheduler.schedule(any(Runnable.class), any(Instant.class))).thenAnswer(call -> {
            placeholderTask = call.getArgument(0);
            return due;
        });
        streams = new AibotStreams(protocol, acks, RetryPolicy.scaledTo(Duration.ofMillis(1)), scheduler,
                Wording.defaults(), new AibotStreams.Settings(Duration.ofMillis(300)));
        AibotSocket socket = new AibotSocket(props, null, null, protocol, acks, Clock.systemUTC(), null, null);
        String message = "{\"cmd\":\"aibot_msg_callback\",\"headers\":{\"req_id\":\"req-1\"},\"body\":{\"msgid\":\"m1\","
                + "\"msgtype\":\"text\",\"text\":{\"content\":\"开票失败\"}}}";
        received = new AibotSocket.Received(socket, ws, protocol.decode(message).orElseThrow());
    }

    @Test
    void aSlowAnswerShowsThePlaceholderFirstThenTheAnswerInTheSameStream() throws Exception {
        AibotStream stream = streams.open(received);
        placeholderTask.run(); // the answer is not ready when the scheduler fires
        JsonNode placeholder = ws.next();
        assertThat(placeholder.path("cmd").asString()).isEqualTo("aibot_respond_msg");
        assertThat(placeholder.path("headers").path("req_id").asString()).isEqualTo("req-1");
        assertThat(placeholder.path("body").path("stream").path("content").asString()).isEqualTo("正在检查……");
        assertThat(placeholder.path("body").path("stream").path("finish").asBoolean()).isFalse();
        String streamId = placeholder.path("body").path("stream").path("id").asString();

        CompletableFuture<Void> answering = CompletableFuture.runAsync(() -> stream.answer("**诊断**\n\n开票接口正常"));
        ws.ack("req-1", 0); // the answer's first frame waits for the placeholder's ack
        JsonNode first = ws.next();
        assertThat(ws.sent).as("one frame at a time per req_id").isEmpty();
        ws.ack("req-1", 0);
        JsonNode last = ws.next();
        ws.ack("req-1", 0);
        answering.get(10, TimeUnit.SECONDS);

        assertThat(first.path("body").path("stream").path("content").asString()).isEqualTo("**诊断**");
        assertThat(last.path("body").path("stream").path("content").asString()).isEqualTo("**诊断**\n\n开票接口正常");
        assertThat(last.path("body").path("stream").path("finish").asBoolean()).isTrue();
        assertThat(first.path("body").path("stream").path("id").asString()).isEqualTo(streamId);
        assertThat(last.path("body").path("stream").path("id").asString()).isEqualTo(streamId);
    }

    @Test
    void aQuickAnswerGetsNoPlaceholder() {
        ws.autoAck.add(0);
        AibotStream stream = streams.open(received);
        stream.answer("帮助");
        verify(due).cancel(false);
        placeholderTask.run(); // had the scheduler fired anyway, after the answer started
        assertThat(ws.all).extracting(f -> f.path("body").path("stream").path("content").asString())
                .containsExactly("帮助");
    }

    @Test
    void aRefusedFrameFailsTheAnswerWithTheErrcode() {
        ws.autoAck.add(846608);
        AibotStream stream = streams.open(received);
        assertThatThrownBy(() -> stream.answer("帮助")).isInstanceOfSatisfying(AibotAcks.Refused.class,
                e -> assertThat(e.errcode()).isEqualTo(846608));
        assertThat(ws.all).hasSize(1); // not retried: WeCom would refuse it again
    }

    @Test
    void aRateLimitedFrameIsSentAgain() {
        ws.autoAck.add(45009);
        ws.autoAck.add(0);
        streams.open(received).answer("帮助");
        assertThat(ws.all).hasSize(2).allSatisfy(f -> assertThat(f.path("body").path("stream").path("finish")
                .asBoolean()).isTrue());
    }

    /** The connection: records what the stream sends; acks by hand, or at once from a list of errcodes. */
    private final class Connection implements WebSocket {
        final BlockingQueue<JsonNode> sent = new LinkedBlockingQueue<>();
        final java.util.List<JsonNode> all = new java.util.concurrent.CopyOnWriteArrayList<>();
        final Deque<Integer> autoAck = new ArrayDeque<>();

        JsonNode next() throws InterruptedException {
            JsonNode f = sent.poll(10, TimeUnit.SECONDS);
            assertThat(f).as("a frame was sent").isNotNull();
            return f;
        }

        void ack(String reqId, int errcode) {
            assertThat(acks.answered(new AibotProtocol.Frame("", reqId, errcode, null))).isTrue();
        }

        @Override
        public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
            JsonNode f = mapper.readTree(data.toString());
            all.add(f);
            Integer code = autoAck.poll();
            if (code == null) {
                sent.add(f);
            } else {
                ack(f.path("headers").path("req_id").asString(), code);
            }
            return CompletableFuture.completedFuture(this);
        }

        @Override public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) { return null; }
        @Override public CompletableFuture<WebSocket> sendPing(ByteBuffer message) { return null; }
        @Override public CompletableFuture<WebSocket> sendPong(ByteBuffer message) { return null; }
        @Override public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) { return null; }
        @Override public void request(long n) { }
        @Override public String getSubprotocol() { return ""; }
        @Override public boolean isOutputClosed() { return false; }
        @Override public boolean isInputClosed() { return false; }
        @Override public void abort() { }
    }
}
