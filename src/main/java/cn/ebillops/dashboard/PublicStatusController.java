package cn.ebillops.dashboard;

import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentService;
import cn.ebillops.incident.availability.AvailabilityService;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hospital staff's status page (no login): the state of each key function, the open incidents as level, area,
 * since when and state, and the planned maintenance. Built from records that have no field for a person, a host or
 * an incident's text, so nothing sensitive can slip in later by adding a line; the one free text (a maintenance
 * note) goes through {@link PublicText}.
 */
@RestController
@ConditionalOnBooleanProperty(name = "ebillops.console.enabled", matchIfMissing = true)
class PublicStatusController {

    static final String PATH = "/api/public/status";
    static final int MAX_WINDOWS = 10;

    record Function(String name, KeyFunctions.State state, String stateLabel, Instant probedAt) {
    }

    record OpenIncident(String level, String area, Instant since, String state) {
    }

    record Maintenance(Instant from, Instant to, boolean now, String note) {
    }

    record PublicStatus(Instant at, KeyFunctions.State overall, String overallLabel, List<Function> functions,
                        List<OpenIncident> incidents, List<Maintenance> maintenance) {
    }

    private final KeyFunctions functions;
    private final IncidentService incidents;
    private final AvailabilityService availability;
    private final PublicText text;
    private final Clock clock;

    PublicStatusController(KeyFunctions functions, IncidentService incidents, AvailabilityService availability,
                           PublicText text, Clock clock) {
        this.functions = functions;
        this.incidents = incidents;
        this.availability = availability;
        this.text = text;
        this.clock = clock;
    }

    @GetMapping(PATH)
    PublicStatus status() {
        Instant now = clock.instant();
        List<Function> fs = functions.now().stream()
                .map(f -> new Function(f.name(), f.state(), f.stateLabel(), f.probedAt())).toList();
        KeyFunctions.State overall = overall(fs);
        List<OpenIncident> open = incidents.openIncidents().stream().sorted(Comparator.comparing(Incident::openedAt))
                .map(i -> new OpenIncident(i.severity().label(), i.area().label(), i.openedAt(), i.status().label()))
                .toList();
        List<Maintenance> windows = availability.maintenanceWindows().stream().filter(w -> w.to().isAfter(now))
                .sorted(Comparator.comparing(w -> w.from())).limit(MAX_WINDOWS)
                .map(w -> new Maintenance(w.from(), w.to(), !w.from().isAfter(now), text.clean(w.note()))).toList();
        return new PublicStatus(now, overall, overallLabel(overall), fs, open, windows);
    }

    /** The worst known state; unknown only when no function has been probed. */
    private static KeyFunctions.State overall(List<Function> fs) {
        return fs.stream().map(Function::state).filter(s -> s != KeyFunctions.State.UNKNOWN)
                .max(Comparator.naturalOrder()).orElse(KeyFunctions.State.UNKNOWN);
    }

    private static String overallLabel(KeyFunctions.State s) {
        return switch (s) {
            case UP -> "系统运行正常";
            case DEGRADED -> "部分功能异常";
            case DOWN -> "系统服务中断";
            case UNKNOWN -> "暂无探测结果";
        };
    }
}
