package cn.ebillops.incident.clock;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Thin Quartz job: the safety net that fires any due step of any open incident (idempotent). */
@DisallowConcurrentExecution
class SlaSweepJob extends QuartzJobBean {

    private final SlaClockService service;

    public SlaSweepJob(SlaClockService service) {
        this.service = service;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        service.sweep();
    }
}
