package cn.ebillops.sandbox.wecom;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * How the stand-in answers the bot's requests on the long connection, as WeCom does: one ack per
 * request, {@code {"headers":{"req_id"},"errcode","errmsg"}}, matched by the client on req_id alone
 * (the official client ignores a cmd in an ack, so the stand-in can echo it to prove the assistant does
 * too). Tests queue faults per cmd: the next request is refused with an errcode, or lost (never acked);
 * either way it is not delivered. Every ack sent is logged for tests.
 */
public final class StandInAcks {

    /** The outcome of a request that WeCom never answers. */
    static final int LOST = Integer.MIN_VALUE;
    /** The stand-in's answer to a cmd WeCom does not know (WeCom's own code for it is undocumented). */
    static final int UNKNOWN_CMD = 40058;

    /** One ack the stand-in sent: for which cmd and req_id, with which errcode. */
    public record Sent(String cmd, String reqId, int errcode) {
    }

    private final ObjectMapper mapper;
    private final Map<String, Deque<Integer>> faults = new HashMap<>();
    private final Deque<Sent> log = new ArrayDeque<>();
    private boolean echoCmd;

    StandInAcks(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    synchronized void failNext(String cmd, int errcode) {
        faults.computeIfAbsent(cmd, c -> new ArrayDeque<>()).add(errcode);
    }

    synchronized void loseNext(String cmd) {
        faults.computeIfAbsent(cmd, c -> new ArrayDeque<>()).add(LOST);
    }

    /** 0 when the next request of {@code cmd} goes through, else the injected errcode or {@link #LOST}. */
    synchronized int take(String cmd) {
        Deque<Integer> queued = faults.get(cmd);
        return queued == null || queued.isEmpty() ? 0 : queued.poll();
    }

    public synchronized void echoCmd(boolean echo) {
        echoCmd = echo;
    }

    /** The ack frame, logged as sent. */
    synchronized String ack(String cmd, String reqId, int errcode) {
        log.addLast(new Sent(cmd, reqId, errcode));
        while (log.size() > 1000) {
            log.pollFirst(); // the demo runs for hours; tests look at the last few
        }
        Map<String, Object> f = new LinkedHashMap<>();
        if (echoCmd) {
            f.put("cmd", cmd);
        }
        f.put("headers", Map.of("req_id", reqId));
        f.put("errcode", errcode);
        f.put("errmsg", errmsg(errcode));
        return mapper.writeValueAsString(f);
    }

    public synchronized List<Sent> sent() {
        return new ArrayList<>(log);
    }

    public synchronized void clear() {
        faults.clear();
        log.clear();
        echoCmd = false;
    }

    private static String errmsg(int errcode) {
        return switch (errcode) {
            case 0 -> "ok";
            case 45009 -> "api freq out of limit";
            case 40008 -> "invalid req_id";
            case UNKNOWN_CMD -> "invalid cmd";
            default -> "refused (stand-in)";
        };
    }
}
