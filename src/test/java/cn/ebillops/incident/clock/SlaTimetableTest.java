package cn.ebillops.incident.clock;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.incident.FaultReport;
import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentFixture;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The instant a step's trigger is planned for is the instant the clock service takes it as due. */
class SlaTimetableTest {

    private final IncidentFixture f = new IncidentFixture();

    @Test
    void everyPlannedStepIsDueExactlyWhenItsTriggerFires() {
        Incident i = f.service.report(new FaultReport(f.person("chenxia"), "wr_cashier", "开票失败", Severity.II,
                Area.ISSUANCE)).incident();
        Instant deadline = i.runningDeadline(SlaClock.RESPONSE).orElseThrow();
        SlaScheduler scheduler = new SlaScheduler(IncidentFixture.idleQuartz(), f.settings, f.clock);
        SlaClockService clocks = f.clocks();
        List<SlaTimetable.Planned> plan = scheduler.plan(i.number(), SlaClock.RESPONSE, deadline);
        assertThat(plan).hasSize(f.settings.escalationSteps().size() + 1);
        for (SlaTimetable.Planned p : plan) {
            f.clock.set(p.at().minusMillis(1));
            assertThat(clocks.fire(p.step())).as("%s before its moment", p.step().name()).isFalse();
            f.clock.set(p.at());
            assertThat(clocks.fire(p.step())).as("%s at its moment", p.step().name()).isTrue();
        }
    }
}
