package cn.ebillops.dashboard;

import cn.ebillops.config.BotConfig;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentService;
import cn.ebillops.incident.IncidentStatus;
import cn.ebillops.incident.clock.SlaClock;
import cn.ebillops.web.RequestRefused;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "Incidents": the list with its filters, and one incident with its whole timeline. */
@RestController
@ConditionalOnBooleanProperty(name = "ebillops.console.enabled", matchIfMissing = true)
class IncidentsController {

    /** A filter's choices with their Chinese labels, so the page builds its selects from the API. */
    record Option(String value, String label) {
    }

    record Row(long number, String level, String area, String status, boolean open, Instant openedAt, String summary,
               String handler, Instant acknowledgedAt, Instant resolvedAt, List<String> breached) {
    }

    record IncidentList(LocalDate from, LocalDate to, List<Row> incidents, Map<String, List<Option>> options) {
    }

    private final IncidentService incidents;
    private final IncidentTimeline timeline;
    private final BotConfig config;
    private final Clock clock;

    IncidentsController(IncidentService incidents, IncidentTimeline timeline, BotConfig config, Clock clock) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.config = config;
        this.clock = clock;
    }

    @GetMapping("/api/dashboard/incidents")
    IncidentList list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      @RequestParam(required = false) String level, @RequestParam(required = false) String area,
                      @RequestParam(required = false) String state) {
        IncidentFilter filter = IncidentFilter.parse(from, to, level, area, state, clock);
        Instant now = clock.instant();
        List<Row> rows = incidents.openedBetween(filter.fromInstant(clock), filter.toInstant(clock)).stream()
                .filter(filter::matches).sorted(Comparator.comparing(Incident::number).reversed())
                .map(i -> row(i, now)).toList();
        return new IncidentList(filter.from(), filter.to(), rows, Map.of(
                "level", Arrays.stream(Severity.values()).map(s -> new Option(s.name(), s.label())).toList(),
                "area", Arrays.stream(Area.values()).map(a -> new Option(a.name(), a.label())).toList(),
                "state", Stream.concat(Stream.of(new Option(IncidentFilter.ACTIVE, "未关闭")),
                        Arrays.stream(IncidentStatus.values()).map(s -> new Option(s.name(), s.label()))).toList()));
    }

    @GetMapping("/api/dashboard/incidents/{number}")
    IncidentTimeline.Detail one(@PathVariable long number) {
        return incidents.find(number).map(timeline::detail).orElseThrow(() -> new RequestRefused(HttpStatus.NOT_FOUND,
                "not_found", "没有故障单 #" + number));
    }

    private Row row(Incident i, Instant now) {
        List<String> breached = Arrays.stream(SlaClock.values()).filter(c -> i.breached(c, now)).map(SlaClock::label)
                .toList();
        return new Row(i.number(), i.severity().label(), i.area().label(), i.status().label(), i.status().isOpen(),
                i.openedAt(), i.summary(), i.acknowledgedBy() == null ? null : config.person(i.acknowledgedBy()).name(),
                i.acknowledgedAt(), i.resolvedAt(), breached);
    }
}
