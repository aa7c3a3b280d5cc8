package cn.ebillops.signing;

/** A signing-server call failed; the message is Chinese and safe to show (no key material). */
public class SigningServerException extends Exception {

    public enum Kind { UNREACHABLE, TIMEOUT, HTTP_STATUS, SERVER_ERROR, MALFORMED }

    private final Kind kind;

    public SigningServerException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SigningServerException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
