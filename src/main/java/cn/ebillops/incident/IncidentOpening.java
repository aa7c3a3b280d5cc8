package cn.ebillops.incident;

import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.incident.IncidentService.ReportOutcome;
import cn.ebillops.incident.clock.SlaScheduler;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The start of the lifecycle: a report or a monitoring problem joins the open incident of its area,
 * or opens a new one with its deadlines and clocks, under the area's lock. Anyone may report, so
 * there is no gate here; {@link IncidentService} is the way in.
 */
final class IncidentOpening {

    private static final Logger log = LoggerFactory.getLogger(IncidentOpening.class);

    /** How a severer report raises the level: the lifecycle's own level change (one rule for both). */
    @FunctionalInterface
    interface LevelRaise {
        Incident raise(Incident open, Severity severity, Instant now, String actor);
    }

    private final IncidentRepository repository;
    private final IncidentDeadlines deadlines;
    private final SlaScheduler scheduler;
    private final AreaLock lock;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LevelRaise levelRaise;

    IncidentOpening(IncidentRepository repository, IncidentDeadlines deadlines, SlaScheduler scheduler, AreaLock lock,
                    ApplicationEventPublisher events, Clock clock, LevelRaise levelRaise) {
        this.repository = repository;
        this.deadlines = deadlines;
        this.scheduler = scheduler;
        this.lock = lock;
        this.events = events;
        this.clock = clock;
        this.levelRaise = levelRaise;
    }

    ReportOutcome report(FaultReport report) {
        Instant now = clock.instant();
        ReportOutcome outcome = lock.run(report.area(), () -> {
            Optional<Incident> open = repository.findOpenInArea(report.area(), deadlines.mergeSince(now));
            if (open.isPresent()) {
                return join(open.get(), report, now);
            }
            Incident created = create(report.severity(), report.area(), Incident.Source.CHAT,
                    IncidentTexts.summary(report.textMasked()), report.chatId(), report.reporter().userId(), now);
            repository.addReporter(created.number(), new Reporter(report.reporter().userId(), report.chatId(), now,
                    report.textMasked()));
            return new ReportOutcome(created, false, repository.reporters(created.number()));
        });
        if (!outcome.joined()) {
            log.info("incident {} opened: {} {}", outcome.incident().number(), outcome.incident().severity(),
                    outcome.incident().area());
            events.publishEvent(new IncidentOpened(outcome.incident()));
        }
        return outcome;
    }

    ReportOutcome monitorProblem(Area area, Severity severity, String summary, String chatId) {
        Instant now = clock.instant();
        ReportOutcome outcome = lock.run(area, () -> {
            Optional<Incident> open = repository.findOpenInArea(area, Instant.EPOCH);
            if (open.isPresent()) {
                repository.addEvent(new IncidentEvent(open.get().number(), now, "MONITOR", "monitor", summary));
                return new ReportOutcome(open.get(), true, repository.reporters(open.get().number()));
            }
            Incident created = create(severity, area, Incident.Source.MONITOR, IncidentTexts.summary(summary), chatId,
                    "monitor", now);
            return new ReportOutcome(created, false, List.of());
        });
        if (!outcome.joined()) {
            events.publishEvent(new IncidentOpened(outcome.incident()));
        }
        return outcome;
    }

    private ReportOutcome join(Incident open, FaultReport report, Instant now) {
        boolean added = repository.addReporter(open.number(), new Reporter(report.reporter().userId(),
                report.chatId(), now, report.textMasked()));
        repository.addEvent(new IncidentEvent(open.number(), now, "REPORTED", report.reporter().userId(),
                (added ? "新的报告：" : "再次报告：") + IncidentTexts.summary(report.textMasked())));
        Incident current = open;
        if (report.severity().compareTo(open.severity()) < 0) {
            current = levelRaise.raise(open, report.severity(), now, report.reporter().userId());
        }
        return new ReportOutcome(current, true, repository.reporters(open.number()));
    }

    private Incident create(Severity severity, Area area, Incident.Source source, String summary, String chatId,
                            String openedBy, Instant now) {
        long number = repository.insert(Incident.opened(severity, area, source, summary, chatId, openedBy, now,
                deadlines.response(now), deadlines.resolution(severity, now), deadlines.loaner(area, severity, false, now)));
        repository.addEvent(new IncidentEvent(number, now, "OPENED", openedBy, "%s，%s，%s：%s".formatted(
                source == Incident.Source.CHAT ? "报告建单" : "监控发现建单", severity.describe(), area.label(), summary)));
        Incident created = repository.find(number).orElseThrow();
        scheduler.sync(created);
        return created;
    }
}
