package cn.ebillops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The bench as a test (tag "bench", excluded from normal builds); scripts/bench-incident.sh runs {@link IncidentBench#main}. */
@Tag("bench")
class IncidentBenchTest extends IncidentSpringTestBase {

    @Autowired ApplicationContext context;

    @Test
    void benchFaultReportPipeline() throws Exception {
        assertThat(new IncidentBench(context).run()).hasSize(5);
    }
}
