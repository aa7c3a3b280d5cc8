package cn.ebillops.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A request refused for what the client sent. The message is short Chinese for the caller and
 * never repeats the request's content: it is answered as is and the code goes to the log.
 */
public class RequestRefused extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public RequestRefused(HttpStatus status, String code, String message) {
        super(message, null, false, false); // a refusal is not a fault: no stack trace to collect
        this.status = status;
        this.code = code;
    }

    public static RequestRefused badRequest(String code, String message) {
        return new RequestRefused(HttpStatus.BAD_REQUEST, code, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The one shape of every refusal on every route. */
    public ResponseEntity<Map<String, String>> response() {
        return ResponseEntity.status(status).body(Map.of("error", code, "message", getMessage()));
    }
}
