package cn.ebillops.incident.availability;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Thin Quartz job: one availability probe. */
@DisallowConcurrentExecution
class AvailabilityProbeJob extends QuartzJobBean {

    private final AvailabilityService service;

    public AvailabilityProbeJob(AvailabilityService service) {
        this.service = service;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        service.probe();
    }
}
