package cn.ebillops.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** CA certificate expiry reminders. Thin: the notice service decides what is due and sends it once. */
@DisallowConcurrentExecution
public class CertificateExpiryJob extends QuartzJobBean {

    private final NoticeService notices;

    public CertificateExpiryJob(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        notices.evaluate(ScheduledJob.CA_CERTIFICATE);
    }
}
