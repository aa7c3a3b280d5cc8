package cn.ebillops.dashboard;

import cn.ebillops.incident.availability.AvailabilityService;
import cn.ebillops.inspection.CheckRegistry;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.InspectionStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The key functions (e-bill interface, signing server) as the availability probe last saw them: one state per
 * function from the checks of its scope in the probe's latest inspection run.
 */
@Component
class KeyFunctions {

    /** UP: every check OK; DEGRADED: a warning; DOWN: a check failed or could not run (the probe counts it down). */
    enum State {
        UP("正常"), DEGRADED("部分异常"), DOWN("中断"), UNKNOWN("暂无探测");

        final String label;

        State(String label) {
            this.label = label;
        }
    }

    /** One failing check, for people who are logged in: its name, target and what it saw. */
    record Problem(String check, String target, String status, String evidence) {
    }

    record Function(String key, String name, State state, String stateLabel, Instant probedAt, List<Problem> problems) {
    }

    private final InspectionStore store;
    private final CheckRegistry registry;

    KeyFunctions(InspectionStore store, CheckRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    List<Function> now() {
        Optional<InspectionRun> run = store.latestRun(AvailabilityService.TRIGGER);
        return AvailabilityService.KEY_FUNCTIONS.stream().sorted()
                .map(scope -> run.map(r -> of(scope, r)).orElseGet(() -> unknown(scope))).toList();
    }

    private Function of(InspectionScope scope, InspectionRun run) {
        List<CheckResult> mine = run.results().stream().filter(r -> scopeOf(r).filter(scope::equals).isPresent()).toList();
        if (mine.isEmpty()) {
            return unknown(scope);
        }
        CheckStatus worst = mine.stream().map(CheckResult::status).max(Comparator.naturalOrder()).orElseThrow();
        State state = switch (worst) {
            case OK -> State.UP;
            case WARN -> State.DEGRADED;
            case FAIL, ERROR -> State.DOWN;
        };
        List<Problem> problems = mine.stream().filter(r -> r.status().isProblem())
                .map(r -> new Problem(r.name(), r.target(), r.status().label(), r.evidence())).toList();
        return new Function(scope.name(), scope.label(), state, state.label, run.finishedAt(), problems);
    }

    private Optional<InspectionScope> scopeOf(CheckResult r) {
        return Optional.ofNullable(registry.byId().get(r.checkId())).map(c -> c.scope());
    }

    private static Function unknown(InspectionScope scope) {
        return new Function(scope.name(), scope.label(), State.UNKNOWN, State.UNKNOWN.label, null, List.of());
    }
}
