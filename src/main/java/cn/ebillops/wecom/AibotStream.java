package cn.ebillops.wecom;

import cn.ebillops.infra.RetryPolicy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream reply (aibot_respond_msg) to one message on the long connection, sent as the official client
 * (@wecom/aibot-node-sdk) sends it: one frame at a time per req_id, each after WeCom acked the previous one.
 * It may open with a placeholder frame ("正在检查……") while the answer is not ready; the answer then continues
 * the same stream. A frame WeCom refuses is sent again while the refusal is transient ({@link RetryPolicy}:
 * 45009, a lost ack), else the answer fails here and the pipeline sends it round; frames repeat the whole
 * text so far, so a frame sent twice shows nothing twice.
 */
final class AibotStream {

    private static final Logger log = LoggerFactory.getLogger(AibotStream.class);

    private final AibotSocket.Received received;
    private final AibotProtocol protocol;
    private final AibotAcks acks;
    private final RetryPolicy retry;
    private final String streamId = AibotProtocol.newReqId();

    // guarded by this
    private CompletableFuture<Integer> previous = CompletableFuture.completedFuture(0);
    private boolean answering;
    private ScheduledFuture<?> placeholderDue;

    AibotStream(AibotSocket.Received received, AibotProtocol protocol, AibotAcks acks, RetryPolicy retry) {
        this.received = received;
        this.protocol = protocol;
        this.acks = acks;
        this.retry = retry;
    }

    synchronized void placeholderDue(ScheduledFuture<?> due) {
        this.placeholderDue = due;
    }

    /**
     * Opens the stream with {@code text} (finish false) unless the answer has started. Does not wait for the ack:
     * it runs on the shared scheduler, and the answer's first frame waits for it instead.
     */
    synchronized void placeholder(String text) {
        if (answering) {
            return;
        }
        String reqId = reqId();
        try {
            previous = acks.send(reqId, () -> received.reply(protocol.streamFrame(reqId, streamId, false, text)));
        } catch (RuntimeException e) {
            log.warn("aibot stream placeholder for message {} not sent: {}", msgId(), e.getMessage());
        }
    }

    /**
     * The answer ({@code text} fits in {@link AibotProtocol#MAX_BYTES}) in this stream, frame by frame.
     * {@link AibotAcks.Refused} when WeCom refused a frame (after the retries a transient refusal gets).
     */
    void answer(String text) {
        CompletableFuture<Integer> before;
        synchronized (this) {
            answering = true;
            if (placeholderDue != null) {
                placeholderDue.cancel(false);
            }
            before = previous;
        }
        int placeholder = before.join(); // completes within AibotAcks.TIMEOUT
        if (placeholder != 0) {
            log.warn("aibot stream placeholder for message {} not taken: errcode {}", msgId(), placeholder);
        }
        String reqId = reqId();
        for (String frame : protocol.streamFrames(reqId, streamId, text)) {
            try {
                retry.run(() -> acks.call(reqId, () -> received.reply(frame)));
            } catch (AibotAcks.Refused e) {
                log.warn("智能机器人流式回答被拒：消息 {}，errcode {}（{}），答案改走群机器人 / 应用", msgId(), e.errcode(),
                        e.getMessage());
                throw e;
            }
        }
    }

    private String reqId() {
        return received.frame().reqId();
    }

    private String msgId() {
        return received.frame().message().msgId();
    }
}
