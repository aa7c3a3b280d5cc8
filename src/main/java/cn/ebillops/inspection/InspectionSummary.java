package cn.ebillops.inspection;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The chat answer to an inspection: problems first (worst first), then counts per status, then
 * the report link — kept under WeCom's markdown limit (4096 bytes) with room to spare.
 */
public final class InspectionSummary {

    public static final int MAX_BYTES = 3800;

    private InspectionSummary() {
    }

    public static String render(InspectionRun run, String reportUrl) {
        Map<CheckStatus, Long> counts = new EnumMap<>(CheckStatus.class);
        run.results().forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        String scopes = run.scopes().stream().map(InspectionScope::label).sorted().collect(Collectors.joining("、"));
        double secs = java.time.Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1000.0;
        StringBuilder head = new StringBuilder();
        head.append("**巡检完成**（第 %d 次，%s，%d 项，用时 %.1f 秒）\n".formatted(run.id(), scopes,
                run.results().size(), secs));
        head.append("结论：**").append(run.results().isEmpty() ? "没有配置检查项" : run.overall().label()).append("**　");
        head.append(java.util.Arrays.stream(CheckStatus.values()).sorted(Comparator.reverseOrder())
                .map(s -> s.label() + " " + counts.getOrDefault(s, 0L)).collect(Collectors.joining("，")));
        head.append('\n');
        String tail = "\n[下载 Word 巡检报告](%s)".formatted(reportUrl);

        List<CheckResult> problems = run.problems().stream()
                .sorted(Comparator.comparing(CheckResult::status).reversed()).toList();
        StringBuilder body = new StringBuilder();
        if (!problems.isEmpty()) {
            body.append("**发现的问题**\n");
        }
        int shown = 0;
        for (CheckResult r : problems) {
            String line = "> 【%s】%s（%s）：%s\n".formatted(r.status().label(), r.name(), r.target(), headline(r));
            if (bytes(head) + bytes(body) + bytes(line) + bytes(tail) + 60 > MAX_BYTES) {
                break;
            }
            body.append(line);
            shown++;
        }
        if (shown < problems.size()) {
            body.append("…另有 %d 项问题见报告\n".formatted(problems.size() - shown));
        }
        if (problems.isEmpty() && !run.results().isEmpty()) {
            body.append("全部检查项正常。\n");
        }
        return head + body.toString() + tail;
    }

    /** The most telling evidence line: one flagged with "←", else the first; at most 90 characters. */
    static String headline(CheckResult r) {
        List<String> lines = r.evidence().lines().toList();
        String pick = lines.stream().filter(l -> l.contains("←")).findFirst()
                .orElse(lines.stream().filter(l -> !l.startsWith("注意")).findFirst().orElse(r.status().label()));
        pick = pick.replace('\n', ' ');
        return pick.length() > 90 ? pick.substring(0, 90) + "…" : pick;
    }

    private static int bytes(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
