package cn.ebillops.incident.clock;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Thin Quartz job: one reminder or escalation step of one incident's clock. */
@DisallowConcurrentExecution
class SlaClockJob extends QuartzJobBean {

    static final String NUMBER = "incident";
    static final String CLOCK = "clock";
    static final String INDEX = "index";
    static final String DEADLINE = "deadline";

    private final SlaClockService service;

    public SlaClockJob(SlaClockService service) {
        this.service = service;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        service.fire(new ClockStep(data.getLong(NUMBER), SlaClock.valueOf(data.getString(CLOCK)),
                data.getInt(INDEX), data.getLong(DEADLINE)));
    }
}
