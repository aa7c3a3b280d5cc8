package cn.ebillops.incident.availability;

import cn.ebillops.incident.IncidentSettings;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Registers the probe job at start (replacing a stored one, so a changed interval applies) or
 * removes it when probes are disabled. Clustered Quartz runs it on one instance only.
 */
@Component
class AvailabilityProbeSchedule {

    static final JobKey JOB = JobKey.jobKey("availability-probe", "incident");
    private static final Logger log = LoggerFactory.getLogger(AvailabilityProbeSchedule.class);

    private final Scheduler scheduler;
    private final IncidentSettings settings;
    private final AvailabilityService service;

    public AvailabilityProbeSchedule(Scheduler scheduler, IncidentSettings settings,
                                     AvailabilityService service) {
        this.scheduler = scheduler;
        this.settings = settings;
        this.service = service;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        try {
            if (!settings.probeEnabled()) {
                scheduler.deleteJob(JOB);
                return;
            }
            JobDetail job = JobBuilder.newJob(AvailabilityProbeJob.class).withIdentity(JOB).storeDurably().build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(JOB.getName(), JOB.getGroup()).forJob(JOB)
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(settings.probeInterval().toMillis()).repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .startNow().build();
            scheduler.scheduleJob(job, java.util.Set.of(trigger), true);
        } catch (SchedulerException e) {
            log.error("cannot schedule availability probes", e);
        }
    }
}
