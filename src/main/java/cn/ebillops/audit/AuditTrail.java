package cn.ebillops.audit;

/**
 * Where a module puts a command or state change on record. The module that makes the change decides what
 * goes on record, once, where the change happens; the audit module decides how it is kept (masked, chained,
 * never deleted). Recording never throws into the caller: the change has already happened, and a failed
 * write is logged as an ERROR instead.
 */
@FunctionalInterface
public interface AuditTrail {

    /** For code run without the application (unit tests, tools): records nothing. */
    AuditTrail NONE = entry -> {
    };

    void record(AuditEntry entry);
}
