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
    private final int httpStatus;

    public EbillException(Kind kind, EbillService service, Duration elapsed, String message, Throwable cause) {
        this(kind, service, elapsed, message, cause, 0);
    }

    public EbillException(Kind kind, EbillService service, Duration elapsed, String message, Throwable cause, int httpStatus) {
        super(message, cause);
        this.kind = kind;
        this.service = service;
        this.elapsed = elapsed;
        this.httpStatus = httpStatus;
    }

    /** The HTTP status of a {@link Kind#HTTP_STATUS} failure, 0 otherwise. */
    public int httpStatus() {
        return httpStatus;
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
