package cn.ebillops.incident.clock;

/**
 * One firing of a clock: the reminder before the deadline (index -1) or escalation step n
 * (0 = at the deadline, then as configured). {@link #key} identifies it for idempotency.
 */
public record ClockStep(long incidentNumber, SlaClock clock, int index, long deadlineMillis) {

    public static final int REMINDER = -1;

    public boolean isReminder() {
        return index == REMINDER;
    }

    public String name() {
        return clock.name() + "-" + (isReminder() ? "R" : "E" + index);
    }

    /** incident:clock:step:deadline — a changed deadline (new level) is a new notice. */
    public String key() {
        return incidentNumber + ":" + name() + ":" + deadlineMillis;
    }
}
