package cn.ebillops.dashboard;

import cn.ebillops.config.BotConfig;
import cn.ebillops.config.Person;
import cn.ebillops.duty.DutyAssignment;
import cn.ebillops.duty.DutyLookup;
import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** "Now": the key functions as last probed, the open incidents with their running SLA clocks, who is on duty. */
@RestController
@ConditionalOnBooleanProperty(name = "ebillops.console.enabled", matchIfMissing = true)
class NowController {

    record OpenIncident(long number, String level, String area, String status, Instant openedAt, String summary,
                        String handler, List<SlaClocks.Running> clocks) {
    }

    record Contact(String name, String phone) {
    }

    record OnDuty(LocalDate date, Contact engineer, Contact backup, Contact manager, String hotline) {
    }

    record Now(Instant at, List<KeyFunctions.Function> functions, List<OpenIncident> incidents, OnDuty duty) {
    }

    private final KeyFunctions functions;
    private final IncidentService incidents;
    private final DutyLookup duty;
    private final BotConfig config;
    private final Clock clock;

    NowController(KeyFunctions functions, IncidentService incidents, DutyLookup duty, BotConfig config, Clock clock) {
        this.functions = functions;
        this.incidents = incidents;
        this.duty = duty;
        this.config = config;
        this.clock = clock;
    }

    @GetMapping("/api/dashboard/now")
    Now now() {
        Instant now = clock.instant();
        List<OpenIncident> open = incidents.openIncidents().stream().map(i -> open(i, now)).toList();
        DutyAssignment d = duty.onDutyAt(now);
        OnDuty onDuty = new OnDuty(d.date(), contact(d.engineer()), d.backup().map(NowController::contact).orElse(null),
                d.manager().map(NowController::contact).orElse(null), d.hotline());
        return new Now(now, functions.now(), open, onDuty);
    }

    private OpenIncident open(Incident i, Instant now) {
        String handler = i.acknowledgedBy() == null ? null : config.person(i.acknowledgedBy()).name();
        return new OpenIncident(i.number(), i.severity().label(), i.area().label(), i.status().label(), i.openedAt(),
                i.summary(), handler, SlaClocks.of(i, now));
    }

    private static Contact contact(Person p) {
        return new Contact(p.name(), p.phone());
    }
}
