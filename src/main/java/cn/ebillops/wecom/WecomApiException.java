package cn.ebillops.wecom;

import cn.ebillops.infra.RetryPolicy;
import java.util.Set;

/** A WeCom API answer with errcode != 0, or the API unreachable (errcode -1 then). */
class WecomApiException extends RuntimeException implements RetryPolicy.Transient {

    /** WeCom's "try again later": -1 busy (or not reached), 45009 frequency and 45033 concurrency limits. */
    static final Set<Integer> TRANSIENT = Set.of(-1, 45009, 45033);

    private final int errcode;

    public WecomApiException(int errcode, String message) {
        super("errcode " + errcode + ": " + message);
        this.errcode = errcode;
    }

    public int errcode() {
        return errcode;
    }

    @Override
    public boolean isTransient() {
        return TRANSIENT.contains(errcode);
    }
}
