package cn.ebillops.inspection;

import cn.ebillops.wording.Wording;
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

    /** With the built-in wording (tests, the model's tool); chat answers pass the hospital's {@link Wording}. */
    public static String render(InspectionRun run, String reportUrl) {
        return render(run, reportUrl, Wording.defaults());
    }

    public static String render(InspectionRun run, String reportUrl, Wording wording) {
        Map<CheckStatus, Long> counts = new EnumMap<>(CheckStatus.class);
        run.results().forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        String scopes = run.scopes().stream().map(InspectionScope::label).sorted().collect(Collectors.joining("、"));
        double secs = java.time.Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1000.0;
        StringBuilder head = new StringBuilder();
        head.append(wording.text("inspection.summary.head", "run", run.id(), "scopes", scopes,
                "checks", run.results().size(), "seconds", "%.1f".formatted(secs),
                "overall", run.results().isEmpty() ? wording.text("inspection.summary.noChecks") : run.overall().label(),
                "counts", java.util.Arrays.stream(CheckStatus.values()).sorted(Comparator.reverseOrder())
                        .map(s -> wording.text("inspection.summary.count", "status", s.label(),
                                "count", counts.getOrDefault(s, 0L)))
                        .collect(Collectors.joining(wording.text("inspection.summary.countSeparator")))));
        String tail = wording.text("inspection.summary.report", "url", reportUrl);

        String body = run.results().isEmpty() ? "" : findings(run, MAX_BYTES - bytes(head) - bytes(tail), wording);
        return head + body + tail;
    }

    /** The one sentence for a run without problems: the /inspect answer, the incident diagnosis and the model's tool. */
    public static String allNormal(InspectionRun run) {
        return allNormal(run, Wording.defaults());
    }

    public static String allNormal(InspectionRun run, Wording wording) {
        return wording.text("inspection.allNormal", "checks", run.results().size());
    }

    /**
     * A run's problems worst first, one line each with its most telling evidence and the suggestion;
     * at most {@link #MAX_LISTED} and within {@code maxBytes}, the rest counted. No problem: {@link #allNormal}.
     */
    public static String findings(InspectionRun run, int maxBytes) {
        return findings(run, maxBytes, Wording.defaults());
    }

    public static String findings(InspectionRun run, int maxBytes, Wording wording) {
        if (run.problems().isEmpty()) {
            return allNormal(run, wording) + "\n";
        }
        List<CheckResult> problems = run.problems().stream()
                .sorted(Comparator.comparing(CheckResult::status).reversed()).toList();
        StringBuilder sb = new StringBuilder(wording.text("inspection.findings.head", "problems", problems.size(),
                "checks", run.results().size()));
        int shown = 0;
        for (CheckResult r : problems) {
            String line = line(r, wording);
            // room for the "…另有" line below
            if (shown == MAX_LISTED || bytes(sb) + bytes(line) + 60 > maxBytes) {
                break;
            }
            sb.append(line);
            shown++;
        }
        if (shown < problems.size()) {
            sb.append(wording.text("inspection.findings.more", "more", problems.size() - shown));
        }
        return sb.toString();
    }

    private static String line(CheckResult r, Wording wording) {
        String target = r.target().isBlank() ? "" : wording.text("inspection.findings.target", "target", r.target());
        String suggestion = r.suggestion().isBlank() ? "" : wording.text("inspection.findings.suggestion",
                "suggestion", cut(r.suggestion().replace('\n', ' '), 120));
        return wording.text("inspection.findings.line", "status", r.status().label(), "check", r.name(),
                "target", target, "evidence", headline(r), "suggestion", suggestion);
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
