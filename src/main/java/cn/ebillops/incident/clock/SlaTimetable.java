package cn.ebillops.incident.clock;

import cn.ebillops.incident.IncidentSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When each step of a running clock falls due: the reminder {@code reminderBefore} ahead of the
 * deadline (none when that is zero), escalation step n at the deadline plus its {@code after}. The
 * one timetable behind the Quartz triggers ({@link SlaScheduler}) and the due check of a firing or a
 * sweep ({@link SlaClockService}).
 */
record SlaTimetable(IncidentSettings settings) {

    record Planned(ClockStep step, Instant at) {
    }

    /** Every step of a clock with the deadline {@code deadline}, in firing order. */
    List<Planned> steps(long number, SlaClock clock, Instant deadline) {
        List<ClockStep> steps = new ArrayList<>();
        if (!settings.reminderBefore().isZero()) {
            steps.add(new ClockStep(number, clock, ClockStep.REMINDER, deadline.toEpochMilli()));
        }
        for (int i = 0; i < settings.escalationSteps().size(); i++) {
            steps.add(new ClockStep(number, clock, i, deadline.toEpochMilli()));
        }
        return steps.stream().map(s -> new Planned(s, dueAt(s))).toList();
    }

    Instant dueAt(ClockStep step) {
        Instant deadline = Instant.ofEpochMilli(step.deadlineMillis());
        return step.isReminder() ? deadline.minus(settings.reminderBefore())
                : deadline.plus(settings.escalationSteps().get(step.index()).after());
    }
}
