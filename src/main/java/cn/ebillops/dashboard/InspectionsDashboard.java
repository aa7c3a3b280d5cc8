package cn.ebillops.dashboard;

import cn.ebillops.config.BotConfig;
import cn.ebillops.contract.ContractItems;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionStore;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/dashboard/inspections?limit=30 — the stored inspections (availability probes left out) as the
 * inspection module keeps them. The Word report link is the report module's route, which a logged-in
 * console user may download without a signed link.
 */
@RestController
class InspectionsDashboard {

    static final int MAX_RUNS = 100;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final InspectionStore store;
    private final BotConfig config;
    private final Clock clock;

    InspectionsDashboard(InspectionStore store, BotConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    @GetMapping("/api/dashboard/inspections")
    InspectionsView view(@RequestParam(defaultValue = "30") int limit) {
        List<InspectionRun> runs = new ArrayList<>(store.recentInspections(Math.max(1, Math.min(limit, MAX_RUNS))));
        runs.sort(Comparator.comparingLong(InspectionRun::id));
        return new InspectionsView(runs.stream().map(this::run).toList(), strips(runs), InspectionTrends.of(runs));
    }

    private InspectionsView.Run run(InspectionRun r) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (CheckStatus s : CheckStatus.values()) {
            counts.put(s.name(), (int) r.results().stream().filter(x -> x.status() == s).count());
        }
        return new InspectionsView.Run(r.id(), r.startedAt().toEpochMilli(),
                TIME.format(r.startedAt().atZone(clock.getZone())), trigger(r.trigger()), r.overall().name(),
                r.overall().label(), counts, "/api/reports/inspections/" + r.id() + ".docx");
    }

    /** Contract items in report order, each with its worst status per run. */
    private static List<InspectionsView.Strip> strips(List<InspectionRun> runs) {
        List<InspectionsView.Strip> out = new ArrayList<>();
        ContractItems.ITEMS.forEach((item, text) -> {
            List<String> statuses = runs.stream().map(run -> run.results().stream()
                    .filter(r -> r.contractItems().contains(item)).map(CheckResult::status)
                    .max(Comparator.naturalOrder()).map(Enum::name).orElse(null)).toList();
            if (statuses.stream().anyMatch(Objects::nonNull)) {
                out.add(new InspectionsView.Strip(ContractItems.label(item), text, statuses));
            }
        });
        return out;
    }

    /** Why the run happened, in Chinese: "季度巡检", "手动：张工", "故障诊断 #12". */
    private String trigger(String trigger) {
        String[] parts = trigger == null ? new String[] {""} : trigger.split(":", 3);
        return switch (parts[0]) {
            case "manual" -> "手动：" + name(parts);
            case "llm" -> "助手代查：" + name(parts);
            case "incident" -> "故障诊断 #" + (parts.length > 1 ? parts[1] : "");
            case "schedule" -> parts.length > 1 && parts[1].equals("pre-holiday") ? "节前巡检" : "定期巡检";
            default -> trigger;
        };
    }

    private String name(String[] parts) {
        return parts.length > 1 ? config.findPerson(parts[1]).map(p -> p.name()).orElse(parts[1]) : "";
    }
}
