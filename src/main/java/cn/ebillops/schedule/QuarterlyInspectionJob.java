package cn.ebillops.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The quarterly inspection in the first week of each quarter. Thin: the notice service decides what is due and sends it once. */
@DisallowConcurrentExecution
public class QuarterlyInspectionJob extends QuartzJobBean {

    private final NoticeService notices;

    public QuarterlyInspectionJob(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        notices.evaluate(ScheduledJob.QUARTERLY);
    }
}
