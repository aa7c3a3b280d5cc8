package cn.ebillops.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The one Quartz job class of the service calendar: which {@link ScheduledJob} a firing is comes from
 * its job key (the id Quartz stores), so a new calendar entry needs no class of its own. Not concurrent
 * per job key: one evaluation of an entry at a time across the cluster.
 */
@DisallowConcurrentExecution
class CalendarJob extends QuartzJobBean {

    private final NoticeService notices;

    public CalendarJob(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
        String id = context.getJobDetail().getKey().getName();
        ScheduledJob job = ScheduledJob.parse(id)
                .orElseThrow(() -> new JobExecutionException("no service-calendar entry named " + id));
        notices.evaluate(job);
    }
}
