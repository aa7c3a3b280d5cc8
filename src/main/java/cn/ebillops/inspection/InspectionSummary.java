package cn.ebillops.inspection;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The chat answer to an inspection: counts per status, problems (worst first), then the report
 * link — kept under WeCom's markdown limit (4096 bytes) with room to spare. The one wording of a
 * run's problems and of "all normal": scheduled posts, the incident diagnosis and the model's tool
 * call {@link #findings} too.
 */
public final class InspectionSummary {

    public static final int MAX_BYTES = 3800;
    /** Problems listed by name; the rest are counted and left to the Word report. */
    public static final int MAX_LISTED = 10;

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

        String body = run.results().isEmpty() ? "" : findings(run, MAX_BYTES - bytes(head) - bytes(tail));
        return head + body + tail;
    }

    /** The one sentence for a run without problems: the /inspect answer, the incident diagnosis and the model's tool. */
    public static String allNormal(InspectionRun run) {
        return "全部 %d 项检查均正常。".formatted(run.results().size());
    }

    /**
     * A run's problems worst first, one line each with its most telling evidence and the suggestion;
     * at most {@link #MAX_LISTED} and within {@code maxBytes}, the rest counted. No problem: {@link #allNormal}.
     */
    public static String findings(InspectionRun run, int maxBytes) {
        if (run.problems().isEmpty()) {
            return allNormal(run) + "\n";
        }
        List<CheckResult> problems = run.problems().stream()
                .sorted(Comparator.comparing(CheckResult::status).reversed()).toList();
        StringBuilder sb = new StringBuilder("发现 %d 项问题（共检查 %d 项）：\n".formatted(problems.size(),
                run.results().size()));
        int shown = 0;
        for (CheckResult r : problems) {
            String line = line(r);
            // room for the "…另有" line below
            if (shown == MAX_LISTED || bytes(sb) + bytes(line) + 60 > maxBytes) {
                break;
            }
            sb.append(line);
            shown++;
        }
        if (shown < problems.size()) {
            sb.append("…另有 %d 项问题见巡检报告\n".formatted(problems.size() - shown));
        }
        return sb.toString();
    }

    private static String line(CheckResult r) {
        String target = r.target().isBlank() ? "" : "（" + r.target() + "）";
        String suggestion = r.suggestion().isBlank() ? "" : "\n> 建议：" + cut(r.suggestion().replace('\n', ' '), 120);
        return "> 【%s】%s%s：%s%s\n".formatted(r.status().label(), r.name(), target, headline(r), suggestion);
    }

    /** The most telling evidence line: one flagged with "←", else the first; at most 90 characters. */
    static String headline(CheckResult r) {
        List<String> lines = r.evidence().lines().toList();
        String pick = lines.stream().filter(l -> l.contains("←")).findFirst()
                .orElse(lines.stream().filter(l -> !l.startsWith("注意")).findFirst().orElse(r.status().label()));
        return cut(pick.replace('\n', ' '), 90);
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) + "…" : s;
    }

    private static int bytes(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
