package cn.ebillops.incident;

/**
 * A refused or impossible incident action; the message is Chinese and shown to the person as is
 * (not an internal error: nothing changed).
 */
public class IncidentException extends RuntimeException {

    public IncidentException(String message) {
        super(message);
    }
}
