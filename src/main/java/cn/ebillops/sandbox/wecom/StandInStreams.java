package cn.ebillops.sandbox.wecom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * The stand-in's side of aibot_respond_msg beyond recording finished answers: every stream frame in the order it
 * came (with its stream id and finish flag, so a test sees a placeholder before the answer), and WeCom's refusal
 * of the next reply frame (an errcode, or no ack at all), as the official client meets them.
 */
public class StandInStreams {

    /** {@link #next} for a frame WeCom never acks. */
    public static final int NO_ACK = Integer.MIN_VALUE;

    /** One aibot_respond_msg stream frame as WeCom received it. */
    public record Frame(String chatId, String streamId, boolean finish, String content) {
    }

    private final List<Frame> frames = new ArrayList<>();
    private final AtomicInteger nextRespond = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    /** Chats whose reply frames WeCom refuses: chat id → errcode. */
    private final Map<String, Integer> refusedChats = new ConcurrentHashMap<>();

    /** The answer to the aibot_respond_msg {@code body} into {@code chatId}: 0 (taken), an errcode, or {@link #NO_ACK}. */
    int next(String chatId, JsonNode body) {
        int errcode = refusedChats.getOrDefault(chatId, 0);
        if (errcode == 0) {
            errcode = refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? nextRespond.get() : 0;
        }
        if (errcode == 0 && "stream".equals(body.path("msgtype").asString(""))) {
            JsonNode s = body.path("stream");
            synchronized (this) {
                frames.add(new Frame(chatId, s.path("id").asString(""), s.path("finish").asBoolean(false),
                        s.path("content").asString("")));
            }
        }
        return errcode;
    }

    /** The next {@code times} aibot_respond_msg frames are refused with {@code errcode} (e.g. 846608, 45009). */
    public void refuseNextRespond(int errcode, int times) {
        nextRespond.set(errcode);
        refusals.set(times);
    }

    public void refuseNextRespond(int errcode) {
        refuseNextRespond(errcode, 1);
    }

    /** Every reply frame to {@code chatId} is refused with {@code errcode} (0: taken again). */
    public void refuseRespondIn(String chatId, int errcode) {
        if (errcode == 0) {
            refusedChats.remove(chatId);
        } else {
            refusedChats.put(chatId, errcode);
        }
    }

    /** The next aibot_respond_msg frame is lost: not taken and never acked. */
    public void loseNextRespond() {
        refuseNextRespond(NO_ACK, 1);
    }

    /** The stream frames taken so far into {@code chatId}, in order. */
    public synchronized List<Frame> frames(String chatId) {
        return frames.stream().filter(f -> f.chatId().equals(chatId)).toList();
    }
}
