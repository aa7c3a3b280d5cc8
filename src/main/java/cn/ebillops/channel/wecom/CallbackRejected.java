package cn.ebillops.channel.wecom;

import org.springframework.http.HttpStatus;

/** A callback refused before anything is processed; the message never contains the body. */
public class CallbackRejected extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public CallbackRejected(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
