package cn.ebillops.ebill;

import java.time.Duration;

/**
 * A call failed below the business level (no trustworthy platform answer): transport,
 * timeout, HTTP status, unverifiable or malformed envelope. The message is Chinese.
 */
public class EbillException extends Exception {

    public enum Kind { UNREACHABLE, TIMEOUT, HTTP_STATUS, BAD_SIGN, MALFORMED }

    private final Kind kind;
    private final EbillService service;
    private final Duration elapsed;

    public EbillException(Kind kind, EbillService service, Duration elapsed, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.service = service;
        this.elapsed = elapsed;
    }

    public Kind kind() {
        return kind;
    }

    public EbillService service() {
        return service;
    }

    public Duration elapsed() {
        return elapsed;
    }
}
