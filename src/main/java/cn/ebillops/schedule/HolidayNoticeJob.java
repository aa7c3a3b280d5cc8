package cn.ebillops.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Holiday duty notices N working days before each holiday and on its eve. Thin: the notice service decides what is due and sends it once. */
@DisallowConcurrentExecution
public class HolidayNoticeJob extends QuartzJobBean {

    private final NoticeService notices;

    public HolidayNoticeJob(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        notices.evaluate(ScheduledJob.HOLIDAY_NOTICE);
    }
}
