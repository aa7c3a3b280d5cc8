package cn.ebillops.inspection;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The {@link Inspector}: picks the checks of the scopes, runs them, stores the run with its
 * results and publishes {@link InspectionCompleted}. Inspections people ask for (chat, the
 * language model) go through {@link InspectionGate}: one at a time.
 */
@Service
public class InspectionService implements Inspector {

    /** Runs whose trigger starts with this are availability probes, kept only for {@link #PROBE_RETENTION}. */
    public static final String PROBE_TRIGGER_PREFIX = "probe:";
    /** Triggers that only read: probes run every minute and diagnoses on every fault report. */
    static final List<String> READ_ONLY_TRIGGERS = List.of(PROBE_TRIGGER_PREFIX, "incident:");
    static final java.time.Duration PROBE_RETENTION = java.time.Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(InspectionService.class);

    private final CheckRegistry registry;
    private final CheckRunner runner;
    private final InspectionStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public InspectionService(CheckRegistry registry, CheckRunner runner, InspectionStore store,
                             ApplicationEventPublisher events, Clock clock) {
        this.registry = registry;
        this.runner = runner;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public InspectionRun run(Set<InspectionScope> scopes, String trigger) {
        Set<InspectionScope> asked = scopes.isEmpty() ? EnumSet.of(InspectionScope.ALL) : EnumSet.copyOf(scopes);
        List<Check> checks = registry.forScopes(asked);
        if (READ_ONLY_TRIGGERS.stream().anyMatch(trigger::startsWith)) {
            // a probe must never write: a test bill a minute is 1,440 real documents a day (issue 18)
            checks = checks.stream().filter(c -> !c.writesToTarget()).toList();
        }
        Instant started = clock.instant();
        List<CheckResult> results = runner.run(checks);
        Instant finished = clock.instant();
        InspectionRun run = store.save(new InspectionRun(0, asked, trigger, started, finished, results));
        log.info("inspection {} ({}) by {}: {} checks, overall {}", run.id(), asked, trigger, results.size(),
                run.overall());
        events.publishEvent(new InspectionCompleted(run));
        if (trigger.startsWith(PROBE_TRIGGER_PREFIX)) {
            // probes run every minute; their up/down history lives with the availability records
            store.purgeRuns(PROBE_TRIGGER_PREFIX, started.minus(PROBE_RETENTION));
        }
        return run;
    }

    public Optional<InspectionRun> find(long id) {
        return store.find(id);
    }

    public Optional<InspectionRun> previous(long id) {
        return store.previous(id);
    }

    public List<Check> checks() {
        return registry.all();
    }
}
