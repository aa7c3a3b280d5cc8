package cn.ebillops.inspection;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** One inspection: what was asked, why (trigger), and every check's result. */
public record InspectionRun(long id, Set<InspectionScope> scopes, String trigger, Instant startedAt,
                            Instant finishedAt, List<CheckResult> results) {

    public InspectionRun {
        scopes = Set.copyOf(scopes);
        results = List.copyOf(results);
    }

    public CheckStatus overall() {
        return results.stream().map(CheckResult::status).max(Comparator.naturalOrder()).orElse(CheckStatus.OK);
    }

    public List<CheckResult> problems() {
        return results.stream().filter(r -> r.status().isProblem()).toList();
    }
}
