package cn.ebillops.wecom;

/** A WeCom API answer with errcode != 0, or the API unreachable (errcode -1 then). */
class WecomApiException extends RuntimeException {

    private final int errcode;

    public WecomApiException(int errcode, String message) {
        super("errcode " + errcode + ": " + message);
        this.errcode = errcode;
    }

    public int errcode() {
        return errcode;
    }
}
