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

    static String of(InspectionRun run, NoticeGroups wording) {
        Map<CheckStatus, Long> counts = new TreeMap<>(run.results().stream()
                .collect(Collectors.groupingBy(CheckResult::status, Collectors.counting())));
        StringBuilder perStatus = new StringBuilder();
        for (CheckStatus s : CheckStatus.values()) {
            perStatus.append(wording.text("schedule.routine.count", "status", s.label(), "count", counts.getOrDefault(s, 0L)));
        }
        StringBuilder sb = new StringBuilder(wording.text("schedule.routine.result",
                "scopes", run.scopes().stream().sorted().map(InspectionScope::label).collect(Collectors.joining("、")),
                "overall", run.overall().label(), "total", run.results().size(), "counts", perStatus));
        sb.append(InspectionSummary.findings(run, MAX_FINDINGS_BYTES, wording.wording()));
        // Monitoring opens incidents for 异常 and 无法检查 only (MonitoringIncidents); say exactly that.
        var problems = run.problems();
        boolean opens = problems.stream().anyMatch(r -> r.status() == CheckStatus.FAIL || r.status() == CheckStatus.ERROR);
        boolean warns = problems.stream().anyMatch(r -> r.status() == CheckStatus.WARN);
        if (opens) {
            sb.append(wording.text("schedule.routine.opensIncidents"));
        }
        if (warns) {
            sb.append(wording.text("schedule.routine.warnings"));
        }
        return sb.toString();
    }
}
