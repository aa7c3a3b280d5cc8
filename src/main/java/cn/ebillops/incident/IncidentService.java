package cn.ebillops.incident;

import cn.ebillops.config.Person;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.incident.clock.SlaScheduler;
import cn.ebillops.infra.KeyValueStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The incident lifecycle and the one authorization gate for it: only engineers and admins change
 * an incident's state (a reporter may confirm their own fault is over, or say it is not). Every
 * refusal is an {@link IncidentException} with a Chinese message, and changes nothing.
 * Opening (joining an open incident or opening one, atomic per area) is {@link IncidentOpening}.
 */
@Service
public class IncidentService {

    /** What a report led to: a new incident, or joining one already open. */
    public record ReportOutcome(Incident incident, boolean joined, List<Reporter> reporters) {
    }

    private final IncidentRepository repository;
    private final IncidentDeadlines deadlines;
    private final SlaScheduler scheduler;
    private final IncidentOpening opening;
    private final IncidentTexts texts;
    private final Clock clock;

    public IncidentService(IncidentRepository repository, IncidentSettings settings, SlaScheduler scheduler,
                           KeyValueStore store, ApplicationEventPublisher events, IncidentTexts texts, Clock clock) {
        this.repository = repository;
        this.deadlines = new IncidentDeadlines(settings);
        this.scheduler = scheduler;
        this.texts = texts;
        this.clock = clock;
        this.opening = new IncidentOpening(repository, deadlines, scheduler, new AreaLock(store), events, clock,
                (open, severity, now, actor) -> applyLevel(open, severity, now, actor, "新的报告更严重，级别上调"));
    }

    // ---- opening (anyone may report) -----------------------------------------------------------

    /** Opens an incident, or joins the open one of the same area within the merge window. */
    public ReportOutcome report(FaultReport report) {
        return opening.report(report);
    }

    /** A problem seen by monitoring: updates the open incident of the area (any age), or opens one. */
    public ReportOutcome monitorProblem(Area area, Severity severity, String summary, String chatId) {
        return opening.monitorProblem(area, severity, summary, chatId);
    }

    // ---- lifecycle (engineers) ------------------------------------------------------------------

    /** 接单. With {@code onsiteRequired} (“需上门”) the 4-hour on-site clock starts too. */
    public Incident acknowledge(long number, Person actor, boolean onsiteRequired) {
        requireEngineer(actor, texts.text("incident.action.acknowledge"));
        Incident i = openIncident(number);
        Instant now = clock.instant();
        if (i.acknowledgedAt() != null && !onsiteRequired) {
            throw new IncidentException(texts.text("incident.refused.alreadyAcknowledged", "ref", i.ref(),
                    "engineer", texts.name(i.acknowledgedBy()), "at", texts.time(i.acknowledgedAt())));
        }
        if (i.acknowledgedAt() == null && repository.acknowledge(number, now, actor.userId())) {
            boolean late = now.isAfter(i.responseDeadline());
            repository.addEvent(new IncidentEvent(number, now, "ACKNOWLEDGED", actor.userId(),
                    "%s 接单，用时 %s%s".formatted(actor.name(), IncidentTexts.duration(Duration.between(i.openedAt(), now)),
                            late ? "（超过响应时限）" : "")));
        }
        if (onsiteRequired) {
            startOnsite(number, actor, now);
        }
        return synced(number);
    }

    /** Marks a fault as not remotely solvable: the on-site clock (4 h by default) starts. */
    public Incident requireOnsite(long number, Person actor) {
        requireEngineer(actor, texts.text("incident.action.requireOnsite"));
        openIncident(number);
        startOnsite(number, actor, clock.instant());
        return synced(number);
    }

    private void startOnsite(long number, Person actor, Instant now) {
        Instant deadline = deadlines.onsite(now);
        if (repository.requireOnsite(number, now, deadline)) {
            repository.addEvent(new IncidentEvent(number, now, "ONSITE_REQUIRED", actor.userId(),
                    "无法远程解决，需上门；上门时限 %s".formatted(texts.time(deadline))));
        }
    }

    /** 已到场. */
    public Incident markOnsite(long number, Person actor) {
        requireEngineer(actor, texts.text("incident.action.arrive"));
        Incident i = openIncident(number);
        Instant now = clock.instant();
        if (!repository.markOnsite(number, now, actor.userId())) {
            throw new IncidentException(texts.text("incident.refused.alreadyOnsite", "ref", i.ref(),
                    "at", texts.time(i.onsiteAt())));
        }
        if (i.acknowledgedAt() == null) {
            repository.acknowledge(number, now, actor.userId());
        }
        String note = i.onsiteRequiredAt() == null ? "%s 已到场".formatted(actor.name())
                : "%s 已到场，距标记需上门 %s%s".formatted(actor.name(),
                IncidentTexts.duration(Duration.between(i.onsiteRequiredAt(), now)),
                now.isAfter(i.onsiteDeadline()) ? "（超过上门时限）" : "");
        repository.addEvent(new IncidentEvent(number, now, "ONSITE", actor.userId(), note));
        return synced(number);
    }

    /** 已解决, with the cause (required: it goes into the statistics). */
    public Incident resolve(long number, Person actor, String cause) {
        requireEngineer(actor, texts.text("incident.action.resolve"));
        if (cause == null || cause.isBlank()) {
            throw new IncidentException(texts.text("incident.refused.causeMissing", "number", number));
        }
        Incident i = openIncident(number);
        Instant now = clock.instant();
        if (!repository.resolve(number, now, actor.userId(), cause.strip())) {
            throw new IncidentException(texts.text("incident.refused.cannotResolve", "ref", i.ref(),
                    "status", i.status().label()));
        }
        repository.addEvent(new IncidentEvent(number, now, "RESOLVED", actor.userId(),
                "%s 登记解决，历时 %s：%s".formatted(actor.name(), IncidentTexts.duration(Duration.between(i.openedAt(), now)),
                        cause.strip())));
        return synced(number);
    }

    /** 关闭 (after resolution, or to withdraw a false report). */
    public Incident close(long number, Person actor) {
        requireEngineer(actor, texts.text("incident.action.close"));
        Incident i = get(number);
        Instant now = clock.instant();
        if (!repository.close(number, now, actor.userId())) {
            throw new IncidentException(texts.text("incident.refused.alreadyClosed", "ref", i.ref()));
        }
        repository.addEvent(new IncidentEvent(number, now, "CLOSED", actor.userId(),
                i.status() == IncidentStatus.RESOLVED ? actor.name() + " 关闭" : actor.name() + " 未登记解决即关闭（误报或撤销）"));
        return synced(number);
    }

    /**
     * 撤销: the report was not a fault (a question, an operating mistake). Its reporter or an engineer
     * may withdraw an open incident; its clocks stop and it stays on record as withdrawn.
     */
    public Incident withdraw(long number, Person person, String reason) {
        Incident i = get(number);
        requireReporterOrEngineer(i, person, texts.text("incident.action.withdraw"));
        Instant now = clock.instant();
        if (!repository.withdraw(number, now, person.userId())) {
            throw new IncidentException(texts.text("incident.refused.cannotWithdraw", "ref", i.ref(),
                    "status", i.status().label()));
        }
        String why = reason == null || reason.isBlank() ? "" : "：" + IncidentTexts.summary(reason);
        repository.addEvent(new IncidentEvent(number, now, "WITHDRAWN", person.userId(),
                person.name() + " 撤销（不是故障）" + why));
        return synced(number);
    }

    /** Changes the contract level; the resolution and loaner deadlines follow from the opening time. */
    public Incident changeLevel(long number, Person actor, Severity severity) {
        requireEngineer(actor, texts.text("incident.action.changeLevel"));
        Incident i = openIncident(number);
        if (i.severity() == severity) {
            throw new IncidentException(texts.text("incident.refused.sameLevel", "ref", i.ref(), "level", severity.describe()));
        }
        return applyLevel(i, severity, clock.instant(), actor.userId(), actor.name() + " 调整级别");
    }

    private Incident applyLevel(Incident i, Severity severity, Instant now, String actor, String why) {
        repository.changeLevel(i.number(), severity, deadlines.resolution(severity, i.openedAt()),
                deadlines.loaner(i.area(), severity, i.serviceStopped(), i.openedAt()));
        repository.addEvent(new IncidentEvent(i.number(), now, "LEVEL", actor,
                "%s：%s → %s".formatted(why, i.severity().describe(), severity.describe())));
        return synced(i.number());
    }

    /** Diagnosis found the signing service stopped: a II-level signing fault becomes 严重 (24 h loaner). */
    public Incident markServiceStopped(long number, String evidence) {
        Incident i = get(number);
        if (i.serviceStopped() || !i.status().isOpen()) {
            return i;
        }
        repository.markServiceStopped(number, deadlines.loaner(i.area(), i.severity(), true, i.openedAt()));
        repository.addEvent(new IncidentEvent(number, clock.instant(), "SERVICE_STOPPED", "assistant",
                "诊断发现认证服务停止：" + evidence));
        return synced(number);
    }

    // ---- reporters ----------------------------------------------------------------------------

    /**
     * A reporter (or an engineer) says the fault is over ("好了/恢复了"): an open incident becomes
     * resolved (cause to be completed by the engineer), a resolved one is closed as confirmed.
     */
    public Incident confirmRecovered(long number, Person person) {
        Incident i = get(number);
        requireReporterOrEngineer(i, person, texts.text("incident.action.confirm"));
        Instant now = clock.instant();
        if (i.status().isOpen()) {
            repository.resolve(number, now, person.userId(), "报告人确认已恢复（原因待工程师补充）");
            repository.addEvent(new IncidentEvent(number, now, "CONFIRMED", person.userId(),
                    person.name() + " 确认已恢复"));
        } else if (i.status() == IncidentStatus.RESOLVED) {
            repository.close(number, now, person.userId());
            repository.addEvent(new IncidentEvent(number, now, "CONFIRMED", person.userId(),
                    person.name() + " 确认已恢复，故障单关闭"));
        } else {
            throw new IncidentException(texts.text("incident.refused.alreadyClosed", "ref", i.ref()));
        }
        return synced(number);
    }

    /** A reporter says it still fails ("还是不行"): noted; a resolved incident is reopened. */
    public Incident reportStillFailing(long number, Person person, String textMasked) {
        Incident i = get(number);
        requireReporterOrEngineer(i, person, texts.text("incident.action.confirm"));
        Instant now = clock.instant();
        boolean reopened = i.status() == IncidentStatus.RESOLVED && repository.reopen(number);
        repository.addEvent(new IncidentEvent(number, now, "STILL_FAILING", person.userId(),
                (reopened ? "报告人反馈仍未恢复，故障单重新打开：" : "报告人反馈仍未恢复：") + IncidentTexts.summary(textMasked)));
        return synced(number);
    }

    // ---- queries ------------------------------------------------------------------------------

    public Optional<Incident> find(long number) {
        return repository.find(number);
    }

    public List<Incident> openIncidents() {
        return repository.findOpen();
    }

    public List<Incident> openedBetween(Instant from, Instant to) {
        return repository.findOpenedBetween(from, to);
    }

    public List<IncidentEvent> timeline(long number) {
        return repository.events(number);
    }

    public List<Reporter> reporters(long number) {
        return repository.reporters(number);
    }

    /** The newest not-yet-closed incident the person reported or that was reported in the chat. */
    public Optional<Incident> activeFor(String userId, String chatId) {
        return repository.findActiveFor(userId, chatId).stream().findFirst();
    }

    /** The incident a command means: the given number, or else the {@link UnnamedTarget} of the chat. */
    public Incident target(Optional<Long> number, String chatId) {
        return number.isPresent() ? get(number.get()) : UnnamedTarget.among(repository.findOpen(), chatId, texts);
    }

    private Incident get(long number) {
        return repository.find(number).orElseThrow(() -> new IncidentException(
                texts.text("incident.refused.notFound", "number", number)));
    }

    private Incident openIncident(long number) {
        Incident i = get(number);
        if (!i.status().isOpen()) {
            throw new IncidentException(texts.text(i.status() == IncidentStatus.CLOSED ? "incident.refused.closed"
                    : "incident.refused.resolved", "ref", i.ref()));
        }
        return i;
    }

    private Incident synced(long number) {
        Incident i = get(number);
        scheduler.sync(i);
        return i;
    }

    private void requireEngineer(Person actor, String what) {
        if (actor == null || !actor.role().isEngineer()) {
            throw new IncidentException(texts.text("incident.refused.notEngineer", "action", what,
                    "role", actor == null ? texts.text("incident.refused.roleUnknown") : actor.role().label()));
        }
    }

    private void requireReporterOrEngineer(Incident i, Person person, String what) {
        if (person.role().isEngineer()) {
            return;
        }
        boolean reporter = repository.reporters(i.number()).stream().anyMatch(r -> r.userId().equals(person.userId()));
        if (!reporter) {
            throw new IncidentException(texts.text("incident.refused.notReporter", "ref", i.ref(), "action", what));
        }
    }
}
