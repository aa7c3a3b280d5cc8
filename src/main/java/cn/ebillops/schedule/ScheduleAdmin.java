package cn.ebillops.schedule;

import cn.ebillops.audit.AuditEntry;
import cn.ebillops.audit.AuditTrail;
import cn.ebillops.config.Person;
import cn.ebillops.config.Role;
import cn.ebillops.wording.Wording;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The calendar jobs as people see them: state, next check, next occasion; and pause/resume,
 * which only administrators may do (checked here, not only in the command). The pause lives in
 * Quartz's job store, so it holds across restarts and for every instance.
 */
@Service
class ScheduleAdmin {

    private static final Logger log = LoggerFactory.getLogger(ScheduleAdmin.class);
    static final int HORIZON_DAYS = 400;

    private final Scheduler scheduler;
    private final NoticeService notices;
    private final AuditTrail audit;
    private final Wording wording;

    public ScheduleAdmin(Scheduler scheduler, NoticeService notices, AuditTrail audit, Wording wording) {
        this.scheduler = scheduler;
        this.notices = notices;
        this.audit = audit;
        this.wording = wording;
    }

    /** One job's view: {@code nextCheck} empty when the job is paused or not (yet) in the job store. */
    public record JobView(ScheduledJob job, boolean paused, boolean scheduled, Optional<Instant> nextCheck,
                          Optional<PlannedNotice> nextOccasion) {
    }

    public List<JobView> jobs() {
        return java.util.Arrays.stream(ScheduledJob.values()).map(this::view).toList();
    }

    private JobView view(ScheduledJob job) {
        Optional<PlannedNotice> next = notices.upcoming(job.kinds(), HORIZON_DAYS).stream().findFirst();
        try {
            Trigger t = scheduler.getTrigger(CalendarJobRegistrar.triggerKey(job));
            if (t == null) {
                return new JobView(job, false, false, Optional.empty(), next);
            }
            boolean paused = scheduler.getTriggerState(t.getKey()) == Trigger.TriggerState.PAUSED;
            Date fire = t.getNextFireTime();
            return new JobView(job, paused, true, paused || fire == null ? Optional.empty()
                    : Optional.of(fire.toInstant()), next);
        } catch (SchedulerException e) {
            log.warn("cannot read trigger of {}: {}", job.id(), e.toString());
            return new JobView(job, false, false, Optional.empty(), next);
        }
    }

    /** Thrown for a refused or impossible change; the message is for people. */
    public static class ScheduleChangeRefused extends RuntimeException {
        public ScheduleChangeRefused(String message) {
            super(message);
        }
    }

    public JobView pause(Person caller, ScheduledJob job) {
        change(caller, job, true);
        return view(job);
    }

    public JobView resume(Person caller, ScheduledJob job) {
        change(caller, job, false);
        return view(job);
    }

    private void change(Person caller, ScheduledJob job, boolean pause) {
        if (caller.role() != Role.ADMIN) {
            throw new ScheduleChangeRefused(wording.text(pause ? "schedule.job.refused.pause"
                    : "schedule.job.refused.resume", "role", caller.role().label()));
        }
        try {
            boolean wasPaused = view(job).paused();
            if (pause) {
                scheduler.pauseJob(CalendarJobRegistrar.jobKey(job));
            } else {
                scheduler.resumeJob(CalendarJobRegistrar.jobKey(job));
            }
            log.info("job {} {} by {}", job.id(), pause ? "paused" : "resumed", caller.userId());
            audit.record(AuditEntry.change(caller.userId(), pause ? "schedule.pause" : "schedule.resume",
                    "定时任务 " + job.id(), wasPaused ? "已暂停" : "运行中", pause ? "已暂停" : "运行中"));
        } catch (SchedulerException e) {
            throw new ScheduleChangeRefused(wording.text("schedule.job.refused.schedulerDown"));
        }
    }
}
