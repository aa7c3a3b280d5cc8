package cn.ebillops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionSummary;
import cn.ebillops.inspection.SampleRuns;
import org.junit.jupiter.api.Test;

/** The diagnosis words a run's problems and "all normal" as the inspection module does. */
class DiagnosisWordingTest {

    @Test
    void allNormalIsTheInspectionSentence() {
        InspectionRun good = SampleRuns.allNormal();
        assertThat(IncidentDiagnosis.findings(good)).startsWith(InspectionSummary.allNormal(good))
                .contains("可能是本机或网络问题");
    }

    @Test
    void problemsAreTheInspectionLines() {
        InspectionRun run = SampleRuns.current();
        assertThat(IncidentDiagnosis.findings(run))
                .isEqualTo(InspectionSummary.findings(run, InspectionSummary.MAX_BYTES - 200).strip())
                .contains("使用率 92.34% ← 异常");
    }
}
