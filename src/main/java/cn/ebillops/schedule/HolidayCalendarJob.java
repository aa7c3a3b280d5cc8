package cn.ebillops.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Reminds the administrators of a missing holiday file. Thin: the notice service decides what is due and sends it once. */
@DisallowConcurrentExecution
public class HolidayCalendarJob extends QuartzJobBean {

    private final NoticeService notices;

    public HolidayCalendarJob(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        notices.evaluate(ScheduledJob.HOLIDAY_CALENDAR);
    }
}
