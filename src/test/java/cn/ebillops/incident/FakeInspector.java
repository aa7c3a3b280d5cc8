package cn.ebillops.incident;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.Inspector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An inspector whose checks return what the test says (default: all OK), optionally slowly; or,
 * after {@link #delegate}, one that hands every run to a real inspector (IncidentBench).
 */
public final class FakeInspector implements Inspector {

    /** The scripted runs' start and end: nothing reads them as timing, so a fixed instant. */
    private static final Instant RUN_AT = Instant.parse("2026-11-25T02:00:00Z");

    private final Map<InspectionScope, CheckStatus> statuses = new ConcurrentHashMap<>();
    private final List<String> triggers = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean broken;
    private volatile Inspector delegate;

    /** The inspector itself fails (a bug or a hang turned into an exception). */
    public void broken(boolean b) {
        this.broken = b;
    }

    public void set(InspectionScope scope, CheckStatus status) {
        statuses.put(scope, status);
    }

    public void delay(Duration d) {
        this.delay = d;
    }

    /** Every run from now on goes to this inspector (null: back to the scripted results). */
    public void delegate(Inspector real) {
        this.delegate = real;
    }

    public void reset() {
        delegate = null;
        statuses.clear();
        triggers.clear();
        broken = false;
        delay = Duration.ZERO;
    }

    public List<String> triggers() {
        return List.copyOf(triggers);
    }

    @Override
    public InspectionRun run(Set<InspectionScope> scopes, String trigger) {
        triggers.add(trigger);
        Inspector real = delegate;
        if (real != null) {
            return real.run(scopes, trigger);
        }
        if (broken) {
            throw new IllegalStateException("inspector broken");
        }
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<CheckResult> results = new ArrayList<>();
        for (InspectionScope s : scopes) {
            CheckStatus st = statuses.getOrDefault(s, CheckStatus.OK);
            String kind = s == InspectionScope.SIGNING ? "signing" : s == InspectionScope.EBILL ? "ebill" : s.name().toLowerCase();
            results.add(new CheckResult(kind + ":main", s.label() + "检查", List.of(s == InspectionScope.SIGNING ? 0 : 4),
                    "main", st, Map.of(), st == CheckStatus.OK ? "" : "连接被拒绝", st == CheckStatus.OK ? "" : "检查服务是否启动",
                    Duration.ofMillis(5)));
        }
        return new InspectionRun(ids.incrementAndGet(), scopes, trigger, RUN_AT, RUN_AT, results);
    }
}
