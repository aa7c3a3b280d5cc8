package cn.ebillops.audit;

/**
 * One thing to put on record, as the module that did it describes it: who ({@code actor}, a WeCom user id
 * or "assistant"/"monitor"/"system"), by which route ({@code route}: "console", "wecom-app"…; null means the
 * route of the message being handled, or "system" outside one), what ({@code action}, e.g.
 * "incident.level", and its {@code target}, e.g. "故障单 #12"), the state before and after, and the outcome.
 * Free text may hold patient data: the audit log masks it before it is stored and hashed.
 */
public record AuditEntry(String actor, String route, String action, String target, String before, String after,
                         String outcome) {

    /** A state change without a route of its own (the message's route is used when there is one). */
    public static AuditEntry change(String actor, String action, String target, String before, String after) {
        return new AuditEntry(actor, null, action, target, before, after, null);
    }
}
