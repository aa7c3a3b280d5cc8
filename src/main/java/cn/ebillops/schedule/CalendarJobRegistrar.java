package cn.ebillops.schedule;

import cn.ebillops.infra.InfraConfig;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Puts one durable Quartz job and one cron trigger per {@link ScheduledJob} into the (persistent,
 * clustered) job store. Every trigger checks often (default every 5 minutes) because due times
 * come from the calendar, not from cron; the notice table keeps each occasion to one send.
 * Existing triggers are kept, so a job an administrator paused stays paused across restarts;
 * a changed cron is applied and the pause re-applied. Misfires fire once on restart.
 */
@Component
class CalendarJobRegistrar implements SmartInitializingSingleton {

    private final Scheduler scheduler;
    private final String cron;

    public CalendarJobRegistrar(Scheduler scheduler,
                                @Value("${ebillops.schedule.check-cron:0 0/5 * * * ?}") String cron) {
        this.scheduler = scheduler;
        this.cron = cron;
    }

    public static JobKey jobKey(ScheduledJob job) {
        return JobKey.jobKey(job.id(), ScheduledJob.GROUP);
    }

    public static TriggerKey triggerKey(ScheduledJob job) {
        return TriggerKey.triggerKey(job.id(), ScheduledJob.GROUP);
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (ScheduledJob job : ScheduledJob.values()) {
            try {
                register(scheduler, job);
            } catch (SchedulerException e) {
                throw new IllegalStateException("cannot schedule job " + job.id(), e);
            }
        }
    }

    void register(Scheduler s, ScheduledJob job) throws SchedulerException {
        JobDetail detail = JobBuilder.newJob(CalendarJob.class).withIdentity(jobKey(job))
                .withDescription(job.label()).storeDurably().build();
        Trigger trigger = TriggerBuilder.newTrigger().forJob(jobKey(job)).withIdentity(triggerKey(job))
                .withDescription(job.label())
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(InfraConfig.ZONE))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        s.addJob(detail, true);
        Trigger existing = s.getTrigger(triggerKey(job));
        if (existing == null) {
            try {
                s.scheduleJob(trigger);
            } catch (ObjectAlreadyExistsException raced) {
                // another instance scheduled it at the same moment
            }
        } else if (!(existing instanceof CronTrigger ct) || !ct.getCronExpression().equals(cron)) {
            boolean paused = s.getTriggerState(triggerKey(job)) == Trigger.TriggerState.PAUSED;
            s.rescheduleJob(triggerKey(job), trigger);
            if (paused) {
                s.pauseTrigger(triggerKey(job));
            }
        }
    }
}
