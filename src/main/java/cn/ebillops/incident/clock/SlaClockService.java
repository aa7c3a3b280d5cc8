package cn.ebillops.incident.clock;

import cn.ebillops.config.Person;
import cn.ebillops.incident.EscalationContacts;
import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentEvent;
import cn.ebillops.incident.IncidentNotifier;
import cn.ebillops.incident.IncidentRepository;
import cn.ebillops.incident.IncidentSettings;
import cn.ebillops.incident.IncidentTexts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Fires one reminder or escalation step. Every decision uses the injected clock and the stored
 * incident: a stopped clock, a changed deadline or a step not yet due does nothing; a step is
 * sent once (claimed in incident_notice by incident:clock:step:deadline before sending, marked
 * sent after; an unsent claim is re-sent with the same dedup key after a crash).
 */
@Service
public class SlaClockService {

    private static final Logger log = LoggerFactory.getLogger(SlaClockService.class);

    private final IncidentRepository repository;
    private final IncidentSettings settings;
    private final SlaTimetable timetable;
    private final EscalationContacts contacts;
    private final IncidentNotifier notifier;
    private final IncidentTexts texts;
    private final Clock clock;

    public SlaClockService(IncidentRepository repository, IncidentSettings settings, EscalationContacts contacts,
                           IncidentNotifier notifier, IncidentTexts texts, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.timetable = new SlaTimetable(settings);
        this.contacts = contacts;
        this.notifier = notifier;
        this.texts = texts;
        this.clock = clock;
    }

    /** The safety net: fires whatever is due on every open incident; returns the notices sent. */
    public int sweep() {
        int sent = 0;
        for (Incident i : repository.findOpen()) {
            try {
                sent += fireDue(i.number());
            } catch (RuntimeException e) {
                log.warn("sweep of incident {} failed: {}", i.number(), e.toString());
            }
        }
        return sent;
    }

    /** Fires every step of every running clock of the incident that is due now (tests, catch-up sweeps). */
    public int fireDue(long number) {
        Optional<Incident> found = repository.find(number);
        if (found.isEmpty()) {
            return 0;
        }
        int fired = 0;
        Instant now = clock.instant();
        for (SlaClock c : SlaClock.values()) {
            Optional<Instant> deadline = found.get().runningDeadline(c);
            if (deadline.isEmpty()) {
                continue;
            }
            for (SlaTimetable.Planned p : timetable.steps(number, c, deadline.get())) {
                if (!p.at().isAfter(now) && fire(p.step())) {
                    fired++;
                }
            }
        }
        return fired;
    }

    /** Fires one step; true when a notice was sent by this call. */
    public boolean fire(ClockStep step) {
        Incident incident = repository.find(step.incidentNumber()).orElse(null);
        if (incident == null) {
            return false;
        }
        Optional<Instant> running = incident.runningDeadline(step.clock());
        if (running.isEmpty() || running.get().toEpochMilli() != step.deadlineMillis()) {
            return false; // stopped (acknowledged, on site, resolved) or the deadline moved
        }
        Instant deadline = running.get();
        Instant now = clock.instant();
        if (now.isBefore(timetable.dueAt(step))) {
            return false;
        }
        if (step.isReminder() && !now.isBefore(deadline)) {
            return false; // too late to remind: the escalation speaks instead
        }
        if (!repository.claimNotice(step.key(), incident.number(), now)) {
            return false; // sent before (restart, second instance)
        }
        EscalationContacts.Chain chain = contacts.at(now);
        Sent sent = step.isReminder() ? remind(incident, step, deadline, chain)
                : escalate(incident, step, deadline, chain);
        if (!sent.delivered()) {
            // The claim stays unsent: after its lease the sweep sends the step again with the same keys
            // (the group outbox refuses the repeat, the direct message that failed goes out).
            log.warn("incident {} clock {} step {}: direct message not delivered, will retry", incident.number(),
                    step.clock(), step.index());
            return false;
        }
        List<String> notified = sent.notified();
        repository.markNoticeSent(step.key(), now);
        log.info("incident {} clock {} step {} sent to {}", incident.number(), step.clock(), step.index(), notified);
        return true;
    }

    /** Whom a step reached, and whether every direct message of it was delivered. */
    private record Sent(List<String> notified, boolean delivered) {
    }

    private Sent remind(Incident incident, ClockStep step, Instant deadline, EscalationContacts.Chain chain) {
        Duration left = Duration.between(clock.instant(), deadline);
        String text = texts.text("sla.reminder", "headline", texts.headline(incident), "clock", step.clock().label(),
                "deadline", texts.time(deadline), "left", IncidentTexts.duration(left), "action",
                action(incident, step.clock()));
        String who = incident.acknowledgedBy() != null ? incident.acknowledgedBy()
                : chain.engineer().map(Person::userId).orElse(null);
        if (who == null) {
            notifier.toGroups(incident, text, List.of(), step.key());
            record(incident, "REMINDER", step.clock().label() + "时限提醒（无可通知的工程师，已发群）");
            return new Sent(List.of(), true);
        }
        if (!notifier.toEngineer(who, incident, text, step.key())) {
            return new Sent(List.of(who), false);
        }
        record(incident, "REMINDER", "%s时限提醒已发给 %s".formatted(step.clock().label(), texts.name(who)));
        return new Sent(List.of(who), true);
    }

    private Sent escalate(Incident incident, ClockStep step, Instant deadline, EscalationContacts.Chain chain) {
        IncidentSettings.Target target = settings.escalationSteps().get(step.index()).to();
        Optional<Person> person = chain.at(target);
        // No backup on the roster: the step still goes out (to the duty engineer again) and says so,
        // rather than naming the duty engineer as the backup or being skipped.
        boolean noBackup = target == IncidentSettings.Target.BACKUP && chain.backup().isEmpty();
        if (noBackup) {
            log.warn("incident {} clock {} step {}: no backup engineer on duty, the duty engineer is called again",
                    incident.number(), step.clock(), step.index());
        }
        String role = switch (target) {
            case ENGINEER -> texts.text("sla.role.engineer");
            case BACKUP -> texts.text(noBackup ? "sla.role.engineerNoBackup" : "sla.role.backup");
            case MANAGER -> texts.text("sla.role.manager");
        };
        String whom = person.map(p -> texts.text("sla.whom", "name", p.name(), "role", role, "phone",
                        p.phone().isBlank() ? "" : " " + p.phone()))
                .orElse(texts.text("sla.whomMissing", "role", role));
        String text = texts.text("sla.escalation", "step", step.index() + 1, "headline", texts.headline(incident),
                "breach", breachText(incident, step.clock(), deadline), "whom", whom);
        List<String> notified = new ArrayList<>();
        boolean delivered = true;
        if (settings.escalateDirect() && person.isPresent()) {
            delivered = notifier.toEngineer(person.get().userId(), incident,
                    text + "\n" + action(incident, step.clock()), step.key());
            notified.add(person.get().userId());
        }
        if (settings.escalateGroup() || person.isEmpty()) {
            notifier.toGroups(incident, text, person.map(p -> List.of(p.userId())).orElse(List.of()), step.key());
        }
        if (delivered) {
            record(incident, "ESCALATED", "%s时限已过，第 %d 级升级：%s".formatted(step.clock().label(), step.index() + 1, whom));
        }
        return new Sent(notified, delivered);
    }

    private String breachText(Incident i, SlaClock c, Instant deadline) {
        return switch (c) {
            case RESPONSE -> texts.text("sla.breach.response", "limit",
                    IncidentTexts.duration(settings.responseDeadline()), "deadline", texts.time(deadline));
            case ONSITE -> texts.text("sla.breach.onsite", "limit",
                    IncidentTexts.duration(settings.onsiteDeadline()), "deadline", texts.time(deadline));
            case RESOLUTION -> texts.text("sla.breach.resolution", "level", i.severity().label(), "limit",
                    IncidentTexts.duration(settings.resolutionTarget(i.severity())), "deadline", texts.time(deadline));
            case LOANER -> texts.text("sla.breach.loaner",
                    "grade", i.signingGrade().map(g -> "「" + g.label() + "」").orElse(""),
                    "limit", IncidentTexts.duration(Duration.between(i.openedAt(), deadline)),
                    "deadline", texts.time(deadline));
        };
    }

    private String action(Incident i, SlaClock c) {
        return switch (c) {
            case RESPONSE -> texts.text("sla.action.response", "number", i.number());
            case ONSITE -> texts.text("sla.action.onsite", "number", i.number());
            case RESOLUTION -> texts.text("sla.action.resolution", "number", i.number());
            case LOANER -> texts.text("sla.action.loaner", "number", i.number());
        };
    }

    private void record(Incident i, String kind, String note) {
        repository.addEvent(new IncidentEvent(i.number(), clock.instant(), kind, "assistant", note));
    }
}
