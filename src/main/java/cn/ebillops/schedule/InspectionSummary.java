package cn.ebillops.schedule;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionScope;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A chat-sized summary of an inspection run (the full report is the report module's). */
final class InspectionSummary {

    static final int MAX_PROBLEMS = 10;

    private InspectionSummary() {
    }

    static String of(InspectionRun run) {
        Map<CheckStatus, Long> counts = new TreeMap<>(run.results().stream()
                .collect(Collectors.groupingBy(CheckResult::status, Collectors.counting())));
        StringBuilder sb = new StringBuilder();
        sb.append("范围：").append(run.scopes().stream().sorted().map(InspectionScope::label)
                .collect(Collectors.joining("、"))).append('\n');
        sb.append("结果：**").append(run.overall().label()).append("**（共 ").append(run.results().size()).append(" 项");
        for (CheckStatus s : CheckStatus.values()) {
            sb.append("，").append(s.label()).append(" ").append(counts.getOrDefault(s, 0L));
        }
        sb.append("）\n");
        var problems = run.problems();
        if (problems.isEmpty()) {
            sb.append("所有检查项正常。\n");
            return sb.toString();
        }
        sb.append("需要关注：\n");
        problems.stream().limit(MAX_PROBLEMS).forEach(r -> {
            sb.append("> 【").append(r.status().label()).append("】").append(r.name());
            if (!r.target().isBlank()) {
                sb.append(" · ").append(r.target());
            }
            if (!r.evidence().isBlank()) {
                sb.append("：").append(r.evidence());
            }
            if (!r.suggestion().isBlank()) {
                sb.append("（建议：").append(r.suggestion()).append("）");
            }
            sb.append('\n');
        });
        if (problems.size() > MAX_PROBLEMS) {
            sb.append("> 另有 ").append(problems.size() - MAX_PROBLEMS).append(" 项，见巡检报告\n");
        }
        // Monitoring opens incidents for 异常 and 无法检查 only (MonitoringIncidents); say exactly that.
        boolean opens = problems.stream().anyMatch(r -> r.status() == CheckStatus.FAIL || r.status() == CheckStatus.ERROR);
        boolean warns = problems.stream().anyMatch(r -> r.status() == CheckStatus.WARN);
        if (opens) {
            sb.append("其中【异常】和【无法检查】的项目会自动登记为故障单，并通知值班工程师跟进。\n");
        }
        if (warns) {
            sb.append("【警告】项不建故障单，请值班工程师在节前处理并在群里回报。\n");
        }
        return sb.toString();
    }
}
