package cn.ebillops.incident;

import cn.ebillops.config.Person;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.InspectionSummary;
import cn.ebillops.inspection.Inspector;
import cn.ebillops.wording.Wording;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On a new incident, in the background (the first answer never waits): tells the duty engineer
 * by direct message, runs the area's checks and posts the findings to the group. A signing
 * incident whose signing checks all fail is marked "service stopped" (严重, 24 h loaner).
 */
@Component
class IncidentDiagnosis {

    private static final Logger log = LoggerFactory.getLogger(IncidentDiagnosis.class);

    private final Inspector inspector;
    private final IncidentService service;
    private final IncidentRepository repository;
    private final EscalationContacts contacts;
    private final IncidentNotifier notifier;
    private final IncidentTexts texts;
    private final ExecutorService executor;
    private final Clock clock;

    public IncidentDiagnosis(Inspector inspector, IncidentService service,
                             IncidentRepository repository, EscalationContacts contacts, IncidentNotifier notifier,
                             IncidentTexts texts, @Qualifier("backgroundExecutor") ExecutorService executor,
                             Clock clock) {
        this.inspector = inspector;
        this.service = service;
        this.repository = repository;
        this.contacts = contacts;
        this.notifier = notifier;
        this.texts = texts;
        this.executor = executor;
        this.clock = clock;
    }

    @EventListener
    public void onOpened(IncidentOpened event) {
        try {
            executor.execute(() -> {
                try {
                    notifyDutyEngineer(event.incident());
                    if (event.incident().source() == Incident.Source.CHAT) {
                        diagnose(event.incident());
                    }
                } catch (RuntimeException e) {
                    log.error("diagnosis of incident {} failed", event.incident().number(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            // opened while the application stops: the follow-through sends and diagnoses it after the restart
            log.info("incident {} opened during shutdown: engineer message and diagnosis left to the next start",
                    event.incident().number());
        }
    }

    void notifyDutyEngineer(Incident i) {
        var chain = contacts.at(clock.instant());
        if (chain.engineer().isEmpty()) {
            log.warn("no engineer to notify for incident {}", i.number());
            // on record, so the follow-through after a restart does not keep trying
            repository.addEvent(new IncidentEvent(i.number(), clock.instant(), "NOTIFIED", "assistant",
                    "没有配置值班工程师，未能私信通知，请管理员补充值班表"));
            return;
        }
        Person engineer = chain.engineer().get();
        // Only what was fixed at opening (not the growing list of reporters or the status): a resend after a
        // restart is then the same message, which WeCom's duplicate check drops if the first one went out.
        String text = texts.text("incident.engineer.opened", "ref", i.ref(), "level", i.severity().describe(),
                "area", i.area().label(), "reporter", i.source() == Incident.Source.MONITOR
                        ? texts.text("incident.engineer.byMonitor") : texts.name(i.openedBy()),
                "openedAt", texts.time(i.openedAt()), "summary", i.summary(),
                "deadline", texts.time(i.responseDeadline()), "number", i.number());
        boolean delivered = notifier.toEngineer(engineer.userId(), i, text, "incident:" + i.number() + ":opened");
        // Not delivered: IncidentFollowThrough tries again, and the response clock's reminder and escalation
        // still call the engineer.
        repository.addEvent(new IncidentEvent(i.number(), clock.instant(), delivered ? "NOTIFIED" : "NOTIFY_FAILED",
                "assistant", (delivered ? "已私信通知值班工程师 %s（来源：%s）" : "私信值班工程师 %s 未送达（来源：%s），稍后重试，时限提醒和升级也会继续通知")
                        .formatted(engineer.name(), chain.source())));
    }

    /** Runs the area's checks and posts what they found; returns the run, or null when the checks failed. */
    public InspectionRun diagnose(Incident i) {
        Set<InspectionScope> scopes = DiagnosisScopes.forArea(i.area());
        Instant started = clock.instant();
        InspectionRun run;
        try {
            run = inspector.run(scopes, "incident:" + i.number());
        } catch (RuntimeException e) {
            log.error("diagnosis checks for incident {} failed", i.number(), e);
            notifier.toGroups(i, texts.text("incident.diagnosis.failed", "ref", i.ref()), List.of(),
                    diagnosisKey(i));
            repository.addEvent(new IncidentEvent(i.number(), clock.instant(), "DIAGNOSIS", "assistant",
                    "自动诊断未能完成：" + e.getClass().getSimpleName()));
            return null;
        }
        String findings = findings(run, texts.wording());
        notifier.toGroups(i, texts.text("incident.diagnosis.found", "ref", i.ref(),
                "scopes", scopes.stream().map(InspectionScope::label).collect(Collectors.joining("、")),
                "findings", findings), List.of(),
                diagnosisKey(i));
        repository.addEvent(new IncidentEvent(i.number(), clock.instant(), "DIAGNOSIS", "assistant",
                "自动诊断（%s）：%s".formatted(IncidentTexts.duration(Duration.between(started, clock.instant())),
                        run.problems().isEmpty() ? InspectionSummary.allNormal(run) : run.problems().size() + " 项异常："
                                + run.problems().stream().map(CheckResult::name).collect(Collectors.joining("、")))));
        List<CheckResult> signing = run.results().stream().filter(DiagnosisScopes::isSigning).toList();
        if (i.area() == cn.ebillops.contract.Area.SIGNING && !signing.isEmpty()
                && signing.stream().allMatch(r -> r.status() == CheckStatus.FAIL || r.status() == CheckStatus.ERROR)) {
            service.markServiceStopped(i.number(), signing.get(0).evidence());
        }
        return run;
    }

    /** One diagnosis post per incident, also when a restart runs it again ({@link IncidentFollowThrough}). */
    private static String diagnosisKey(Incident i) {
        return "incident:" + i.number() + ":diagnosis";
    }

    static String findings(InspectionRun run) {
        return findings(run, Wording.defaults());
    }

    static String findings(InspectionRun run, Wording wording) {
        if (run.results().isEmpty()) {
            return wording.text("incident.diagnosis.noChecks");
        }
        String findings = InspectionSummary.findings(run, InspectionSummary.MAX_BYTES - 200, wording);
        if (run.problems().isEmpty()) {
            return wording.text("incident.diagnosis.serverFine", "findings", findings);
        }
        return findings.strip();
    }
}
