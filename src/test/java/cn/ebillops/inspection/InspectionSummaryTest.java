package cn.ebillops.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InspectionSummaryTest {

    @Test
    void listsProblemsWorstFirstThenCountsAndTheReportLink() {
        String s = InspectionSummary.render(SampleRuns.current(), "http://ops/api/reports/inspections/12.docx");
        assertThat(s).contains("第 12 次").contains("结论：**无法检查**")
                .contains("无法检查 1，异常 2，警告 2，正常 3")
                .contains("[下载 Word 巡检报告](http://ops/api/reports/inspections/12.docx)");
        assertThat(s.indexOf("【无法检查】")).isLessThan(s.indexOf("【异常】"));
        assertThat(s.indexOf("【异常】")).isLessThan(s.indexOf("【警告】"));
        assertThat(s).contains("使用率 92.34% ← 异常");
    }

    @Test
    void staysUnderWecomMarkdownLimitWithManyProblems() {
        List<CheckResult> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(new CheckResult("disk:s" + i, "服务器磁盘空间（很长的服务器名称用来撑大消息）", List.of(8), "服务器" + i,
                    CheckStatus.FAIL, Map.of(), "/data（/dev/sdb1）已用 900.00 GB，可用 10.00 GB，使用率 98.90% ← 异常".repeat(3),
                    "扩容", Duration.ZERO));
        }
        InspectionRun run = new InspectionRun(1, SampleRuns.current().scopes(), "manual:x", SampleRuns.current().startedAt(),
                SampleRuns.current().finishedAt(), many);
        String s = InspectionSummary.render(run, "http://ops/api/reports/inspections/1.docx");
        assertThat(s.getBytes(StandardCharsets.UTF_8).length).isLessThan(4000);
        assertThat(s).contains("…另有").contains("下载 Word 巡检报告");
    }

    @Test
    void allGoodSaysSo() {
        assertThat(InspectionSummary.render(SampleRuns.allNormal(), "u")).contains("全部 1 项检查均正常。").contains("结论：**正常**");
    }

    @Test
    void advisorDerivesSuggestionsFromProblemsTrendsAndRepeats() {
        List<String> advice = ImprovementAdvisor.advise(SampleRuns.current(), Optional.of(SampleRuns.previous()));
        assertThat(advice).anyMatch(a -> a.contains("EBILL_DATA 使用率 较上次上升 7.72 个百分点") && a.contains("约 1 次巡检后将达到 90%"));
        assertThat(advice).anyMatch(a -> a.contains("日志错误由上次的 0 行增加到 14 行"));
        assertThat(advice).anyMatch(a -> a.startsWith("【数据备份（备份目录）·数据库备份】备份可能已停止"));
        assertThat(advice).anyMatch(a -> a.contains("本次无法检查") && a.contains("签名验签服务器"));
        assertThat(ImprovementAdvisor.advise(new InspectionRun(1, SampleRuns.current().scopes(), "x",
                SampleRuns.current().startedAt(), SampleRuns.current().finishedAt(), List.of()), Optional.empty()))
                .singleElement().asString().contains("未发现问题");
    }

    @Test
    void comparisonMarksWorseBetterNewAndGone() {
        RunComparison c = RunComparison.of(SampleRuns.current(), Optional.of(SampleRuns.previous()));
        assertThat(c.worse()).extracting(RunComparison.Change::checkId)
                .containsExactlyInAnyOrder("tablespace:ebill-oracle:user", "disk:应用服务器", "log:应用日志");
        assertThat(c.changes()).filteredOn(x -> x.checkId().equals("disk:应用服务器")).singleElement()
                .extracting(RunComparison.Change::note).asString().contains("最高使用率(%) 86.00 → 92.34");
        assertThat(c.changes()).filteredOn(x -> x.before() == null).hasSize(5);
        assertThat(RunComparison.of(SampleRuns.current(), Optional.empty()).hasPrevious()).isFalse();
    }
}
