package cn.ebillops.inspection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * Item 10: rule-based improvement suggestions from an inspection's results and the trend against
 * the previous inspection. Deterministic (no language model), so every suggestion can be traced
 * to a result.
 */
public final class ImprovementAdvisor {

    /** Rising this many percentage points between two inspections deserves attention. */
    static final double RISE_POINTS = 5.0;

    private ImprovementAdvisor() {
    }

    /** How soon a suggestion should be acted on; the report turns it into a deadline. */
    public enum Priority {
        HIGH("高"), MEDIUM("中"), LOW("低");

        private final String label;

        Priority(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One suggestion; {@code hospitalHelps}: the hospital must act too (network, accounts), not the vendor alone. */
    public record Suggestion(String text, Priority priority, boolean hospitalHelps) {
    }

    public static List<String> advise(InspectionRun run, Optional<InspectionRun> previous) {
        return suggestions(run, previous).stream().map(Suggestion::text).toList();
    }

    /** The suggestions with their priority: a failure is urgent, a warning or a worrying trend is not. */
    public static List<Suggestion> suggestions(InspectionRun run, Optional<InspectionRun> previous) {
        Map<String, Suggestion> out = new LinkedHashMap<>();
        for (CheckResult r : run.results()) {
            if (r.status().isProblem() && r.status() != CheckStatus.ERROR && !r.suggestion().isBlank()) {
                add(out, "【%s·%s】%s".formatted(r.name(), r.target(), r.suggestion()),
                        r.status() == CheckStatus.FAIL ? Priority.HIGH : Priority.MEDIUM, false);
            }
        }
        previous.ifPresent(p -> {
            for (CheckResult before : p.results()) {
                run.results().stream().filter(r -> r.checkId().equals(before.checkId())).findFirst()
                        .ifPresent(now -> trend(before, now, out));
            }
        });
        List<String> unchecked = run.results().stream().filter(r -> r.status() == CheckStatus.ERROR)
                .map(r -> r.name() + "（" + r.target() + "）").toList();
        if (!unchecked.isEmpty()) {
            add(out, "以下项目本次无法检查，请完善巡检条件（网络、账号权限、配置）以免漏检：" + String.join("、", unchecked) + "。", Priority.MEDIUM, true);
        }
        if (out.isEmpty()) {
            add(out, "本次巡检未发现问题。建议保持现有备份策略，季度内做一次备份恢复演练，并继续按季度巡检。", Priority.LOW, false);
        }
        return new ArrayList<>(out.values());
    }

    /** The first priority given to a text stays (a failure's advice is not downgraded by a trend). */
    private static void add(Map<String, Suggestion> out, String text, Priority priority, boolean hospitalHelps) {
        out.putIfAbsent(text, new Suggestion(text, priority, hospitalHelps));
    }

    private static void trend(CheckResult before, CheckResult now, Map<String, Suggestion> out) {
        for (Trends.Delta d : Trends.deltas(before, now)) {
            // per-object figures only: the "最高使用率" aggregate would repeat one of them
            if (d.figure().contains("使用率") && !d.figure().startsWith("最高") && d.change() >= RISE_POINTS) {
                double room = 90 - d.after();
                String horizon = room > 0
                        ? "按此速度约 %d 次巡检后将达到 90%%".formatted((int) Math.ceil(room / d.change()))
                        : "已超过 90%";
                add(out, "【%s·%s】%s 较上次上升 %s 个百分点（%s%% → %s%%），%s，建议提前扩容或清理。".formatted(now.name(),
                        now.target(), d.figure().replace("(%)", ""), Thresholds.pct(d.change()),
                        Thresholds.pct(d.before()), Thresholds.pct(d.after()), horizon), room > 0 ? Priority.MEDIUM : Priority.HIGH, false);
            }
            if (d.figure().equals("错误行数") && d.after() > d.before() * 2 && d.after() >= 10) {
                add(out, "【%s·%s】日志错误由上次的 %d 行增加到 %d 行，建议排查新增错误的原因。".formatted(now.name(),
                        now.target(), (long) d.before(), (long) d.after()), Priority.MEDIUM, false);
            }
        }
        if (before.status().isProblem() && before.status() != CheckStatus.ERROR && now.status() == before.status()) {
            add(out, "【%s·%s】连续两次巡检为“%s”，建议安排专项整改并跟踪到关闭。".formatted(now.name(), now.target(),
                    now.status().label()), Priority.HIGH, false);
        }
    }
}
