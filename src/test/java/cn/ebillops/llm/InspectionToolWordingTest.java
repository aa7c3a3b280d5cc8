package cn.ebillops.llm;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionSummary;
import cn.ebillops.inspection.SampleRuns;
import org.junit.jupiter.api.Test;

/** The model's inspection tool words a run's problems and "all normal" as the chat summary does. */
class InspectionToolWordingTest {

    @Test
    void allNormalIsTheInspectionSentence() {
        InspectionRun good = SampleRuns.allNormal();
        assertThat(InspectionTool.describe(good)).endsWith(InspectionSummary.allNormal(good));
        assertThat(InspectionSummary.render(good, "u")).contains(InspectionSummary.allNormal(good));
    }

    @Test
    void problemsAreTheInspectionLines() {
        InspectionRun run = SampleRuns.current();
        assertThat(InspectionTool.describe(run)).startsWith("巡检 #12（")
                .endsWith(InspectionSummary.findings(run, InspectionSummary.MAX_BYTES).strip());
    }
}
