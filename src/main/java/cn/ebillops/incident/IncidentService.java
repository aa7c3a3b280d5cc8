package cn.ebillops.incident;

import cn.ebillops.assistant.nlu.Area;
import cn.ebillops.assistant.nlu.Severity;
import cn.ebillops.config.Person;
import cn.ebillops.incident.clock.SlaScheduler;
import cn.ebillops.infra.KeyValueStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The incident lifecycle and the one authorization gate for it: only engineers and admins change
 * an incident's state (a reporter may confirm their own fault is over, or say it is not). Every
 * refusal is an {@link IncidentException} with a Chinese message, and changes nothing.
 * Opening is atomic per area (a lock in the {@link KeyValueStore}, Redis across instances): two
 * chats reporting the same fault at the same moment get one incident.
 */
@Service
public class IncidentService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IncidentService.class);

    static final Duration LOCK_TTL = Duration.ofSeconds(10);
    static final Duration LOCK_WAIT = Duration.ofSeconds(5);

    /** What a report led to: a new incident, or joining one already open. */
    public record ReportOutcome(Incident incident, boolean joined, List<Reporter> reporters) {
    }

    private final IncidentRepository repository;
    private final IncidentDeadlines deadlines;
    private final SlaScheduler scheduler;
    private final KeyValueStore store;
    private final ApplicationEventPublisher events;
    private final IncidentTexts texts;
    private final Clock clock;

    public IncidentService(IncidentRepository repository, IncidentSettings settings, SlaScheduler scheduler,
                           KeyValueStore store, ApplicationEventPublisher events, IncidentTexts texts, Clock clock) {
        this.repository = repository;
        this.deadlines = new IncidentDeadlines(settings);
        this.scheduler = scheduler;
        this.store = store;
        this.events = events;
        this.texts = texts;
        this.clock = clock;
    }

    // ---- opening ----------------------------------------------------------------------------

    /** Opens an incident, or joins the open one of the same area within the merge window. */
    public ReportOutcome report(FaultReport report) {
        Instant now = clock.instant();
        ReportOutcome outcome = underAreaLock(report.area(), () -> {
            Optional<Incident> open = repository.findOpenInArea(report.area(), deadlines.mergeSince(now));
            if (open.isPresent()) {
                return join(open.get(), report, now);
            }
            Incident created = create(report.severity(), report.area(), Incident.Source.CHAT,
                    summary(report.textMasked()), report.chatId(), report.reporter().userId(), now);
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

    /**
     * A problem seen by monitoring: updates the open incident of the area (any age), or opens one.
     * Returns the incident and whether it is new.
     */
    public ReportOutcome monitorProblem(Area area, Severity severity, String summary, String chatId) {
        Instant now = clock.instant();
        ReportOutcome outcome = underAreaLock(area, () -> {
            Optional<Incident> open = repository.findOpenInArea(area, Instant.EPOCH);
            if (open.isPresent()) {
                repository.addEvent(new IncidentEvent(open.get().number(), now, "MONITOR", "monitor", summary));
                return new ReportOutcome(open.get(), true, repository.reporters(open.get().number()));
            }
            Incident created = create(severity, area, Incident.Source.MONITOR, summary(summary), chatId, "monitor", now);
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
                (added ? "新的报告：" : "再次报告：") + summary(report.textMasked())));
        Incident current = open;
        if (report.severity().compareTo(open.severity()) < 0) {
            current = applyLevel(open, report.severity(), now, report.reporter().userId(), "新的报告更严重，级别上调");
        }
        return new ReportOutcome(current, true, repository.reporters(open.number()));
    }

    private Incident create(Severity severity, Area area, Incident.Source source, String summary, String chatId,
                            String openedBy, Instant now) {
        Instant loaner = deadlines.loaner(area, severity, false, now);
        Incident draft = new Incident(0, severity, area, IncidentStatus.OPEN, source, summary, chatId, openedBy, now,
                false, null, null, null, null, null, null, null, null, null, null,
                deadlines.response(now), deadlines.resolution(severity, now), null, loaner);
        long number = repository.insert(draft);
        repository.addEvent(new IncidentEvent(number, now, "OPENED", openedBy, "%s，%s，%s：%s".formatted(
                source == Incident.Source.CHAT ? "报告建单" : "监控发现建单", severity.describe(), area.label(), summary)));
        Incident created = repository.find(number).orElseThrow();
        scheduler.sync(created);
        return created;
    }

    private <T> T underAreaLock(Area area, Supplier<T> work) {
        String lock = "incident:open:" + area.name();
        String owner = UUID.randomUUID().toString();
        long waitUntil = System.nanoTime() + LOCK_WAIT.toNanos(); // real time: a wait, not a business decision
        while (!store.tryLock(lock, owner, LOCK_TTL)) {
            if (System.nanoTime() > waitUntil) {
                throw new IllegalStateException("incident lock busy for area " + area);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for incident lock", e);
            }
        }
        try {
            return work.get();
        } finally {
            store.unlock(lock, owner);
        }
    }

    private static String summary(String text) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return t.isEmpty() ? "（无描述）" : IncidentRepository.cut(t, 200);
    }

    // ---- lifecycle (engineers) ------------------------------------------------------------------

    /** 接单. With {@code onsiteRequired} (“需上门”) the 4-hour on-site clock starts too. */
    public Incident acknowledge(long number, Person actor, boolean onsiteRequired) {
        requireEngineer(actor, "接单");
        Incident i = openIncident(number);
        Instant now = clock.instant();
        if (i.acknowledgedAt() != null && !onsiteRequired) {
            throw new IncidentException("故障单 %s 已由 %s 于 %s 接单。".formatted(i.ref(), texts.name(i.acknowledgedBy()),
                    texts.time(i.acknowledgedAt())));
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
        requireEngineer(actor, "标记需上门");
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
        requireEngineer(actor, "登记到场");
        Incident i = openIncident(number);
        Instant now = clock.instant();
        if (!repository.markOnsite(number, now, actor.userId())) {
            throw new IncidentException("故障单 %s 已于 %s 登记到场。".formatted(i.ref(), texts.time(i.onsiteAt())));
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
        requireEngineer(actor, "登记解决");
        if (cause == null || cause.isBlank()) {
            throw new IncidentException("请写明故障原因和处理办法，例如：`/resolve %d 签名服务器证书过期，已更新证书`".formatted(number));
        }
        Incident i = openIncident(number);
        Instant now = clock.instant();
        if (!repository.resolve(number, now, actor.userId(), cause.strip())) {
            throw new IncidentException("故障单 %s 当前状态为%s，不能登记解决。".formatted(i.ref(), i.status().label()));
        }
        repository.addEvent(new IncidentEvent(number, now, "RESOLVED", actor.userId(),
                "%s 登记解决，历时 %s：%s".formatted(actor.name(), IncidentTexts.duration(Duration.between(i.openedAt(), now)),
                        cause.strip())));
        return synced(number);
    }

    /** 关闭 (after resolution, or to withdraw a false report). */
    public Incident close(long number, Person actor) {
        requireEngineer(actor, "关闭故障单");
        Incident i = get(number);
        Instant now = clock.instant();
        if (!repository.close(number, now, actor.userId())) {
            throw new IncidentException("故障单 %s 已关闭。".formatted(i.ref()));
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
        requireReporterOrEngineer(i, person, "撤销");
        Instant now = clock.instant();
        if (!repository.withdraw(number, now, person.userId())) {
            throw new IncidentException("故障单 %s 当前状态为%s，不能撤销。".formatted(i.ref(), i.status().label()));
        }
        String why = reason == null || reason.isBlank() ? "" : "：" + summary(reason);
        repository.addEvent(new IncidentEvent(number, now, "WITHDRAWN", person.userId(),
                person.name() + " 撤销（不是故障）" + why));
        return synced(number);
    }

    /** Changes the contract level; the resolution and loaner deadlines follow from the opening time. */
    public Incident changeLevel(long number, Person actor, Severity severity) {
        requireEngineer(actor, "调整故障级别");
        Incident i = openIncident(number);
        if (i.severity() == severity) {
            throw new IncidentException("故障单 %s 已是%s。".formatted(i.ref(), severity.describe()));
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
        requireReporterOrEngineer(i, person, "确认处理结果");
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
            throw new IncidentException("故障单 %s 已关闭。".formatted(i.ref()));
        }
        return synced(number);
    }

    /** A reporter says it still fails ("还是不行"): noted; a resolved incident is reopened. */
    public Incident reportStillFailing(long number, Person person, String textMasked) {
        Incident i = get(number);
        requireReporterOrEngineer(i, person, "确认处理结果");
        Instant now = clock.instant();
        boolean reopened = i.status() == IncidentStatus.RESOLVED && repository.reopen(number);
        repository.addEvent(new IncidentEvent(number, now, "STILL_FAILING", person.userId(),
                (reopened ? "报告人反馈仍未恢复，故障单重新打开：" : "报告人反馈仍未恢复：") + summary(textMasked)));
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

    /**
     * The incident a command means: the given number, or else the only open incident of the chat
     * (engineers in a direct chat: the only open incident at all).
     */
    public Incident target(Optional<Long> number, String chatId) {
        if (number.isPresent()) {
            return get(number.get());
        }
        List<Incident> open = repository.findOpen();
        List<Incident> here = open.stream().filter(i -> i.chatId().equals(chatId)).toList();
        List<Incident> candidates = here.isEmpty() ? open : here;
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw new IncidentException("当前没有未关闭的故障单。");
        }
        throw new IncidentException("有 %d 张未关闭的故障单（%s），请写明编号，例如 `/ack %d`。".formatted(candidates.size(),
                String.join("、", candidates.stream().map(Incident::ref).toList()), candidates.get(0).number()));
    }

    private Incident get(long number) {
        return repository.find(number).orElseThrow(() -> new IncidentException("找不到故障单 #" + number + "。"));
    }

    private Incident openIncident(long number) {
        Incident i = get(number);
        if (!i.status().isOpen()) {
            throw new IncidentException("故障单 %s 已%s，不能再更改。".formatted(i.ref(),
                    i.status() == IncidentStatus.CLOSED ? "关闭" : "解决"));
        }
        return i;
    }

    private Incident synced(long number) {
        Incident i = get(number);
        scheduler.sync(i);
        return i;
    }

    private static void requireEngineer(Person actor, String what) {
        if (actor == null || !actor.role().isEngineer()) {
            throw new IncidentException("抱歉，只有运维工程师或管理员可以%s。您的身份是%s，故障单未做更改；如需处理请联系值班工程师。"
                    .formatted(what, actor == null ? "未知" : actor.role().label()));
        }
    }

    private void requireReporterOrEngineer(Incident i, Person person, String what) {
        if (person.role().isEngineer()) {
            return;
        }
        boolean reporter = repository.reporters(i.number()).stream().anyMatch(r -> r.userId().equals(person.userId()));
        if (!reporter) {
            throw new IncidentException("抱歉，只有故障单 %s 的报告人或运维工程师可以%s，故障单未做更改。".formatted(i.ref(), what));
        }
    }
}
