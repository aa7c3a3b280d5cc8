package cn.ebillops.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The pre-holiday inspection and backup check on the last working day before a holiday. Thin: the notice service decides what is due and sends it once. */
@DisallowConcurrentExecution
public class PreHolidayRoutineJob extends QuartzJobBean {

    private final NoticeService notices;

    public PreHolidayRoutineJob(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        notices.evaluate(ScheduledJob.PRE_HOLIDAY);
    }
}
