package cn.ebillops.inspection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What changed between an inspection and the previous one of the same scopes, check by check. */
public record RunComparison(List<Change> changes) {

    /** {@code before} null = new check; {@code after} null = check no longer configured. */
    public record Change(String checkId, String name, String target, CheckStatus before, CheckStatus after,
                         String note) {
        public boolean worse() {
            return before != null && after != null && after.compareTo(before) > 0;
        }

        public boolean better() {
            return before != null && after != null && after.compareTo(before) < 0;
        }
    }

    public static RunComparison of(InspectionRun run, Optional<InspectionRun> previous) {
        if (previous.isEmpty()) {
            return new RunComparison(List.of());
        }
        Map<String, CheckResult> now = byId(run);
        Map<String, CheckResult> before = byId(previous.get());
        Set<String> ids = new LinkedHashSet<>(now.keySet());
        ids.addAll(before.keySet());
        List<Change> out = new ArrayList<>();
        for (String id : ids) {
            CheckResult a = before.get(id);
            CheckResult b = now.get(id);
            CheckResult any = b != null ? b : a;
            out.add(new Change(id, any.name(), any.target(), a == null ? null : a.status(),
                    b == null ? null : b.status(), a != null && b != null ? Trends.describe(a, b) : ""));
        }
        return new RunComparison(out);
    }

    public boolean hasPrevious() {
        return !changes.isEmpty();
    }

    public List<Change> worse() {
        return changes.stream().filter(Change::worse).toList();
    }

    public List<Change> better() {
        return changes.stream().filter(Change::better).toList();
    }

    private static Map<String, CheckResult> byId(InspectionRun r) {
        return r.results().stream().collect(Collectors.toMap(CheckResult::checkId, Function.identity(), (x, y) -> x,
                java.util.LinkedHashMap::new));
    }
}
