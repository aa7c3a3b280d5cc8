package cn.ebillops.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The annual service meeting reminder. Thin: the notice service decides what is due and sends it once. */
@DisallowConcurrentExecution
public class AnnualMeetingJob extends QuartzJobBean {

    private final NoticeService notices;

    public AnnualMeetingJob(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        notices.evaluate(ScheduledJob.ANNUAL_MEETING);
    }
}
