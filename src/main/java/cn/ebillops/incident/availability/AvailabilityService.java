package cn.ebillops.incident.availability;

import cn.ebillops.audit.AuditEntry;
import cn.ebillops.audit.AuditTrail;
import cn.ebillops.config.Person;
import cn.ebillops.incident.IncidentException;
import cn.ebillops.incident.IncidentSettings;
import cn.ebillops.incident.ReportPeriod;
import cn.ebillops.inspection.CheckRegistry;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.Inspector;
import cn.ebillops.wording.Wording;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * The contract's ≥ 99 % uptime: probes the key functions (e-bill interface and signing server
 * through the {@link Inspector}), records up/down, and computes availability over a period with
 * the outage intervals. Each sample stands for the time until the next one (at most two probe
 * intervals: a longer gap is unobserved, not up). Announced maintenance windows are excluded.
 * Besides the combined sample (down when either function is down: the contract's figure) each probe
 * keeps one sample per key function, so each function's availability comes from the same rule.
 */
@Service
public class AvailabilityService {

    /** The longest window one announcement may cover; a longer outage is announced in parts. */
    static final Duration MAX_WINDOW = Duration.ofDays(3);

    /** The trigger of the probe's inspection runs (the dashboard reads the latest one per key function). */
    public static final String TRIGGER = "probe:availability";

    /** The key functions the contract's uptime is about: the e-bill interface and the signing server. */
    public static final Set<InspectionScope> KEY_FUNCTIONS = Collections.unmodifiableSet(
            EnumSet.of(InspectionScope.EBILL, InspectionScope.SIGNING));

    private final Inspector inspector;
    private final CheckRegistry registry;
    private final AvailabilityRepository repository;
    private final IncidentSettings settings;
    private final Clock clock;
    private final AuditTrail audit;
    private final Wording wording;

    public AvailabilityService(Inspector inspector, CheckRegistry registry, AvailabilityRepository repository,
                               IncidentSettings settings, Clock clock, AuditTrail audit, Wording wording) {
        this.inspector = inspector;
        this.registry = registry;
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
        this.wording = wording;
    }

    /**
     * One probe; empty when no key-function check is configured (nothing recorded). Returns the combined
     * sample; a function none of whose checks the registry knows gets no sample of its own (no data, not up).
     */
    public Optional<AvailabilitySample> probe() {
        InspectionRun run = inspector.run(KEY_FUNCTIONS, TRIGGER);
        if (run.results().isEmpty()) {
            return Optional.empty();
        }
        Instant at = clock.instant();
        AvailabilitySample sample = sample(at, run.results());
        repository.insert(AvailabilityRepository.COMBINED, sample);
        var checks = registry.byId();
        for (InspectionScope function : KEY_FUNCTIONS) {
            List<CheckResult> mine = run.results().stream()
                    .filter(r -> checks.containsKey(r.checkId()) && checks.get(r.checkId()).scope() == function).toList();
            if (!mine.isEmpty()) {
                repository.insert(function.name(), sample(at, mine));
            }
        }
        return Optional.of(sample);
    }

    /** Down when any of the checks failed or could not run; the detail names those. */
    private static AvailabilitySample sample(Instant at, List<CheckResult> results) {
        List<CheckResult> down = results.stream()
                .filter(r -> r.status() == cn.ebillops.inspection.CheckStatus.FAIL
                        || r.status() == cn.ebillops.inspection.CheckStatus.ERROR)
                .toList();
        return new AvailabilitySample(at, down.isEmpty(), down.stream()
                .map(r -> r.name() + "（" + r.target() + "）" + r.status().label()).collect(Collectors.joining("；")));
    }

    /** Records a combined sample taken elsewhere (tests, imports). */
    public void record(AvailabilitySample sample) {
        repository.insert(AvailabilityRepository.COMBINED, sample);
    }

    /** Records one key function's sample taken elsewhere (tests, imports). */
    public void record(InspectionScope function, AvailabilitySample sample) {
        if (!KEY_FUNCTIONS.contains(function)) {
            throw new IllegalArgumentException("not a key function: " + function);
        }
        repository.insert(function.name(), sample);
    }

    public Optional<AvailabilitySample> latest() {
        return repository.latest();
    }

    public List<MaintenanceWindow> maintenanceWindows() {
        List<MaintenanceWindow> configured = settings.maintenance().stream()
                .map(m -> new MaintenanceWindow(0, m.from().atZone(clock.getZone()).toInstant(),
                        m.to().atZone(clock.getZone()).toInstant(), m.note(), "bot-config"))
                .toList();
        return Stream.concat(configured.stream(), repository.maintenance().stream()).toList();
    }

    /** Announces a maintenance window (engineers and admins only). */
    public MaintenanceWindow addMaintenance(Person actor, Instant from, Instant to, String note) {
        if (actor == null || !actor.role().isEngineer()) {
            throw new IncidentException(wording.text("incident.maintenance.refused.notEngineer"));
        }
        if (!to.isAfter(from)) {
            throw new IncidentException(wording.text("incident.maintenance.refused.endFirst"));
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new IncidentException(wording.text("incident.maintenance.refused.tooLong", "days", MAX_WINDOW.toDays()));
        }
        MaintenanceWindow w = new MaintenanceWindow(0, from, to, note == null || note.isBlank() ? "计划维护" : note,
                actor.userId());
        long id = repository.addMaintenance(w);
        audit.record(AuditEntry.change(actor.userId(), "maintenance.add", "维护窗口 #" + id, null,
                "%s 至 %s：%s".formatted(from.atZone(clock.getZone()).toLocalDateTime(),
                        to.atZone(clock.getZone()).toLocalDateTime(), w.note())));
        return new MaintenanceWindow(id, from, to, w.note(), w.createdBy());
    }

    public AvailabilityReport report(ReportPeriod period) {
        return report(period.label(), period.from(), period.to());
    }

    public AvailabilityReport report(String label, Instant from, Instant to) {
        return report(AvailabilityRepository.COMBINED, label, from, to);
    }

    /** Each key function's availability over the period, by the same rule over that function's own samples. */
    public Map<InspectionScope, AvailabilityReport> reportPerFunction(ReportPeriod period) {
        Map<InspectionScope, AvailabilityReport> reports = new EnumMap<>(InspectionScope.class);
        for (InspectionScope function : KEY_FUNCTIONS) {
            reports.put(function, report(function.name(), period.label(), period.from(), period.to()));
        }
        return reports;
    }

    private AvailabilityReport report(String function, String label, Instant from, Instant to) {
        Instant end = to.isAfter(clock.instant()) ? clock.instant() : to;
        long maxGap = settings.probeInterval().toMillis() * 2;
        List<MaintenanceWindow> windows = maintenanceWindows().stream()
                .filter(w -> w.to().isAfter(from) && w.from().isBefore(end)).toList();
        var acc = new Accumulator(windows);
        List<AvailabilitySample> pending = new ArrayList<>(1);
        repository.forEach(function, from, end, s -> {
            if (!pending.isEmpty()) {
                AvailabilitySample prev = pending.get(0);
                acc.add(prev, prev.at(), min(s.at(), prev.at().plusMillis(maxGap)));
                pending.clear();
            }
            pending.add(s);
        });
        if (!pending.isEmpty()) {
            AvailabilitySample last = pending.get(0);
            acc.add(last, last.at(), min(end, last.at().plus(settings.probeInterval())));
        }
        acc.closeOutage();
        double percent = acc.observed == 0 ? Double.NaN : 100.0 * (acc.observed - acc.down) / acc.observed;
        return new AvailabilityReport(label, from, to, acc.samples, Duration.ofMillis(acc.observed),
                Duration.ofMillis(acc.down), Duration.ofMillis(acc.maintenance), percent,
                settings.availabilityTarget(), acc.outages);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Sums observed and down time outside maintenance and merges consecutive down samples into outages. */
    private static final class Accumulator {
        final List<MaintenanceWindow> windows;
        final List<AvailabilityReport.Outage> outages = new ArrayList<>();
        long samples;
        long observed;
        long down;
        long maintenance;
        Instant outageFrom;
        Instant outageTo;
        String outageDetail;

        Accumulator(List<MaintenanceWindow> windows) {
            this.windows = windows;
        }

        void add(AvailabilitySample s, Instant a, Instant b) {
            samples++;
            long span = Math.max(0, b.toEpochMilli() - a.toEpochMilli());
            long inMaintenance = Math.min(span, windows.stream().mapToLong(w -> w.overlapMillis(a, b)).sum());
            long counted = span - inMaintenance;
            maintenance += inMaintenance;
            observed += counted;
            if (!s.up()) {
                down += counted;
                if (counted > 0) {
                    if (outageFrom != null && outageTo.equals(a)) {
                        outageTo = b;
                    } else {
                        closeOutage();
                        outageFrom = a;
                        outageTo = b;
                        outageDetail = s.detail();
                    }
                    return;
                }
            }
            closeOutage();
        }

        void closeOutage() {
            if (outageFrom != null) {
                outages.add(new AvailabilityReport.Outage(outageFrom, outageTo, outageDetail));
                outageFrom = null;
                outageTo = null;
            }
        }
    }
}
