package cn.ebillops.schedule;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.InspectionSummary;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The group post of a scheduled inspection (pre-holiday, quarterly): scope and counts, the problems
 * in the inspection module's one wording, and what happens to them next.
 */
final class RoutineInspectionPost {

    /** Room left for the routine's own lines around this part of the post. */
    private static final int MAX_FINDINGS_BYTES = 2800;

    private RoutineInspectionPost() {
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
        sb.append(InspectionSummary.findings(run, MAX_FINDINGS_BYTES));
        // Monitoring opens incidents for 异常 and 无法检查 only (MonitoringIncidents); say exactly that.
        var problems = run.problems();
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
