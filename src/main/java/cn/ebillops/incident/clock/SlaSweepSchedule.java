package cn.ebillops.incident.clock;

import java.time.Duration;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Registers the sweep every {@link #INTERVAL}: if a step's own job was never stored (the job
 * store was unreachable while an engineer acted), the sweep still sends it, at most this late.
 */
@Component
class SlaSweepSchedule {

    static final Duration INTERVAL = Duration.ofMinutes(5);
    static final JobKey JOB = JobKey.jobKey("sla-sweep", "incident");
    private static final Logger log = LoggerFactory.getLogger(SlaSweepSchedule.class);

    private final Scheduler scheduler;

    public SlaSweepSchedule(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        try {
            scheduler.scheduleJob(JobBuilder.newJob(SlaSweepJob.class).withIdentity(JOB).storeDurably().build(),
                    java.util.Set.of(TriggerBuilder.newTrigger().withIdentity(JOB.getName(), JOB.getGroup()).forJob(JOB)
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                    .withIntervalInMilliseconds(INTERVAL.toMillis()).repeatForever()
                                    .withMisfireHandlingInstructionNextWithRemainingCount())
                            .startNow().build()), true);
        } catch (SchedulerException e) {
            log.error("cannot schedule the SLA sweep", e);
        }
    }
}
