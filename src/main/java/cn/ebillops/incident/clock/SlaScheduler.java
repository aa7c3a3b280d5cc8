package cn.ebillops.incident.clock;

import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps each running clock's reminder and escalation steps as persistent Quartz jobs (JDBC job
 * store): group "incident-N", name "CLOCK-R" / "CLOCK-E0"…. A missed firing (instance down)
 * fires at once on start; the service makes a repeated firing harmless.
 */
@Component
public class SlaScheduler {

    private static final Logger log = LoggerFactory.getLogger(SlaScheduler.class);

    private final Scheduler scheduler;
    private final SlaTimetable timetable;
    private final Clock clock;
    /** Striped locks: one incident's jobs are re-planned by one thread at a time (ack vs. diagnosis). */
    private final Object[] stripes = new Object[64];

    public SlaScheduler(Scheduler scheduler, IncidentSettings settings, Clock clock) {
        this.scheduler = scheduler;
        this.timetable = new SlaTimetable(settings);
        this.clock = clock;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    /** The steps of a clock still worth a trigger: a reminder whose moment has passed is left to the escalation. */
    List<SlaTimetable.Planned> plan(long number, SlaClock slaClock, Instant deadline) {
        Instant now = clock.instant();
        return timetable.steps(number, slaClock, deadline).stream()
                .filter(p -> !p.step().isReminder() || p.at().isAfter(now)).toList();
    }

    /** (Re)schedules every running clock of the incident; stopped clocks lose their jobs. */
    public void sync(Incident incident) {
        synchronized (stripes[(int) (incident.number() % stripes.length)]) {
            for (SlaClock c : SlaClock.values()) {
                var deadline = incident.runningDeadline(c);
                if (deadline.isPresent()) {
                    scheduleWithRetry(incident.number(), c, deadline.get());
                } else {
                    cancel(incident.number(), c);
                }
            }
        }
    }

    /** One retry: a concurrent re-plan from another instance can collide on a trigger name. */
    private void scheduleWithRetry(long number, SlaClock slaClock, Instant deadline) {
        try {
            schedule(number, slaClock, deadline);
        } catch (IllegalStateException first) {
            log.warn("re-planning clock {} of incident {} after {}", slaClock, number, first.getMessage());
            try {
                schedule(number, slaClock, deadline);
            } catch (IllegalStateException second) {
                // the engineer's action is already stored; the sweep (SlaSweepJob) sends the steps instead
                log.error("clock {} of incident {} not scheduled; the sweep will cover it", slaClock, number, second);
            }
        }
    }

    public void schedule(long number, SlaClock slaClock, Instant deadline) {
        cancel(number, slaClock);
        for (SlaTimetable.Planned p : plan(number, slaClock, deadline)) {
            ClockStep step = p.step();
            JobDetail job = JobBuilder.newJob(SlaClockJob.class)
                    .withIdentity(step.name(), group(number))
                    .usingJobData(SlaClockJob.NUMBER, number)
                    .usingJobData(SlaClockJob.CLOCK, slaClock.name())
                    .usingJobData(SlaClockJob.INDEX, step.index())
                    .usingJobData(SlaClockJob.DEADLINE, step.deadlineMillis())
                    .requestRecovery(true)
                    .build();
            Trigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity(step.name(), group(number))
                    .startAt(Date.from(p.at()))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                    .build();
            try {
                scheduler.scheduleJob(job, java.util.Set.of(trigger), true);
            } catch (SchedulerException e) {
                throw new IllegalStateException("cannot schedule " + step.key(), e);
            }
        }
    }

    public void cancel(long number, SlaClock slaClock) {
        try {
            List<JobKey> keys = scheduler.getJobKeys(GroupMatcher.jobGroupEquals(group(number))).stream()
                    .filter(k -> k.getName().startsWith(slaClock.name() + "-")).toList();
            if (!keys.isEmpty()) {
                scheduler.deleteJobs(keys);
            }
        } catch (SchedulerException e) {
            // the firing itself checks that the clock still runs, so a left-over job is harmless
            log.warn("cannot cancel clock {} of incident {}: {}", slaClock, number, e.toString());
        }
    }

    /** Names of the jobs scheduled for an incident (tests, /incident N). */
    public List<String> scheduled(long number) {
        try {
            return scheduler.getJobKeys(GroupMatcher.jobGroupEquals(group(number))).stream().map(JobKey::getName)
                    .sorted().toList();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    static String group(long number) {
        return "incident-" + number;
    }
}
