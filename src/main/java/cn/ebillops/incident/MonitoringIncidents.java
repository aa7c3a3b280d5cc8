package cn.ebillops.incident;

import cn.ebillops.config.BotConfig;
import cn.ebillops.config.ChatGroup;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.infra.KeyValueStore;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionCompleted;
import cn.ebillops.inspection.InspectionRun;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Problems seen by monitoring (scheduled inspections, availability probes) open or update
 * incidents by themselves: FAIL → II级, ERROR (无法检查) → III级; WARN only goes into reports.
 * The same failing checks update an incident at most once per {@link #REPEAT_QUIET} so a
 * one-minute probe does not flood the timeline. Diagnosis runs ("incident:N") are ignored.
 */
@Component
class MonitoringIncidents {

    static final Duration REPEAT_QUIET = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(MonitoringIncidents.class);

    private final IncidentService service;
    private final IncidentSettings settings;
    private final IncidentNotifier notifier;
    private final KeyValueStore store;
    private final BotConfig config;
    private final IncidentTexts texts;

    public MonitoringIncidents(IncidentService service, IncidentSettings settings, IncidentNotifier notifier,
                               KeyValueStore store, BotConfig config, IncidentTexts texts) {
        this.texts = texts;
        this.service = service;
        this.settings = settings;
        this.notifier = notifier;
        this.store = store;
        this.config = config;
    }

    @EventListener
    public void onInspection(InspectionCompleted event) {
        InspectionRun run = event.run();
        String kind = run.trigger() == null ? "" : run.trigger().split(":", 2)[0];
        if (!settings.monitorEnabled() || !settings.monitorTriggers().contains(kind)) {
            return;
        }
        Map<Area, List<CheckResult>> byArea = new LinkedHashMap<>();
        for (CheckResult r : run.problems()) {
            if (r.status() == CheckStatus.FAIL || r.status() == CheckStatus.ERROR) {
                byArea.computeIfAbsent(DiagnosisScopes.areaOf(r, run.scopes()), a -> new java.util.ArrayList<>()).add(r);
            }
        }
        byArea.forEach(this::problem);
    }

    private void problem(Area area, List<CheckResult> results) {
        String ids = results.stream().map(CheckResult::checkId).sorted().collect(Collectors.joining(","));
        // the ids name targets in Chinese and can be many: a digest keeps the key within kv_entry's 200
        if (!store.setIfAbsent("incident:monitor:" + area.name() + ":"
                + UUID.nameUUIDFromBytes(ids.getBytes(StandardCharsets.UTF_8)), "1", REPEAT_QUIET)) {
            return;
        }
        Severity severity = results.stream().anyMatch(r -> r.status() == CheckStatus.FAIL) ? Severity.II : Severity.III;
        String summary = results.stream().map(r -> r.name() + "（" + r.target() + "）" + r.status().label()
                + (r.evidence().isBlank() ? "" : "：" + IncidentRepository.cut(r.evidence(), 80)))
                .collect(Collectors.joining("；"));
        Optional<String> chat = settings.notifyChat().or(() -> config.groups().stream().findFirst().map(ChatGroup::chatId));
        if (chat.isEmpty()) {
            log.warn("monitoring problem in {} but no group configured to report it", area);
        }
        var outcome = service.monitorProblem(area, severity, "监控发现：" + summary, chat.orElse("monitor"));
        if (!outcome.joined()) {
            Incident i = outcome.incident();
            notifier.toGroups(i, texts.text("incident.monitorOpened", "ref", i.ref(), "level", i.severity().describe(),
                    "area", i.area().label(), "summary", i.summary(), "deadline", texts.time(i.responseDeadline())),
                    List.of(), "incident:" + i.number() + ":monitor-open");
        }
    }
}
