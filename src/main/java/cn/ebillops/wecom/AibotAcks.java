package cn.ebillops.wecom;

import cn.ebillops.infra.RetryPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * WeCom's answers to our requests on the long connection, matched by req_id as the official client
 * (@wecom/aibot-node-sdk) matches them. A request that waits is sent, then held until its ack or
 * {@link #TIMEOUT}: a frame written to the socket is not yet a message WeCom took, and only the ack says so.
 */
@Component
class AibotAcks {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** WeCom's "too many requests": the same request may pass a little later. */
    static final int RATE_LIMITED = 45009;
    static final int NO_ACK = -1;

    private final Map<String, CompletableFuture<AibotProtocol.Frame>> waiting = new ConcurrentHashMap<>();

    /** Sends with {@code send}, then waits for the ack of {@code reqId}; {@link Refused} unless errcode 0. */
    void call(String reqId, Runnable send) {
        request(reqId, send);
    }

    /** As {@link #call}, returning WeCom's answer (its body carries e.g. the upload_id or media_id of a media upload). */
    AibotProtocol.Frame request(String reqId, Runnable send) {
        try {
            AibotProtocol.Frame answer = exchange(reqId, send).get();
            int errcode = answer == null ? NO_ACK : answer.errcode();
            if (errcode != 0) {
                throw new Refused(errcode);
            }
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the ack");
        } catch (ExecutionException e) {
            throw new IllegalStateException("ack failed", e.getCause());
        }
    }

    /**
     * Sends with {@code send} and returns the ack to come without waiting for it: WeCom's errcode, or {@link #NO_ACK}
     * after {@link #TIMEOUT}. For a frame whose sender must not be held (a stream's placeholder on the scheduler);
     * the next frame of the same req_id waits for this future first, so one frame per req_id is in flight.
     */
    CompletableFuture<Integer> send(String reqId, Runnable send) {
        return exchange(reqId, send).thenApply(answer -> answer == null ? NO_ACK : answer.errcode());
    }

    /** The answer to come for {@code reqId}, null when none came within {@link #TIMEOUT}. */
    private CompletableFuture<AibotProtocol.Frame> exchange(String reqId, Runnable send) {
        CompletableFuture<AibotProtocol.Frame> ack = new CompletableFuture<>();
        waiting.put(reqId, ack); // before the send: the ack may come back before send() returns
        try {
            send.run();
        } catch (RuntimeException e) {
            waiting.remove(reqId, ack);
            throw e;
        }
        return ack.completeOnTimeout(null, TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((answer, e) -> waiting.remove(reqId, ack));
    }

    /** True when {@code frame} was the ack a {@link #call} waits for. */
    boolean answered(AibotProtocol.Frame frame) {
        CompletableFuture<AibotProtocol.Frame> ack = waiting.get(frame.reqId());
        return ack != null && ack.complete(frame);
    }

    /** WeCom refused the request (errcode ≠ 0) or did not answer within {@link #TIMEOUT} ({@link #NO_ACK}). */
    static final class Refused extends IllegalStateException implements RetryPolicy.Transient {

        private final int errcode;

        Refused(int errcode) {
            super(errcode == NO_ACK ? "no ack within " + TIMEOUT.toSeconds() + " s" : "refused with errcode " + errcode);
            this.errcode = errcode;
        }

        int errcode() {
            return errcode;
        }

        /** A rate limit or a lost ack may pass later; any other errcode would be refused the same way again. */
        @Override
        public boolean isTransient() {
            return errcode == RATE_LIMITED || errcode == NO_ACK;
        }
    }
}
