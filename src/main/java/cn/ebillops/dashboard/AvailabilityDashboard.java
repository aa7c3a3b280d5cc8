package cn.ebillops.dashboard;

import cn.ebillops.incident.ReportPeriod;
import cn.ebillops.incident.availability.AvailabilityReport;
import cn.ebillops.incident.availability.AvailabilityService;
import cn.ebillops.web.RequestRefused;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/dashboard/availability?period=2026-11|2026Q4|2026 (default: this month). The figures are the
 * incident module's {@link AvailabilityService#report} (the one rule for the contract's ≥ 99 %), asked
 * once per period; the months and quarters are those of the chosen period's year. The chosen period also
 * carries each key function's own figure (the contract's number stays the combined one).
 */
@RestController
class AvailabilityDashboard {

    private final AvailabilityService availability;
    private final Clock clock;

    AvailabilityDashboard(AvailabilityService availability, Clock clock) {
        this.availability = availability;
        this.clock = clock;
    }

    @GetMapping("/api/dashboard/availability")
    AvailabilityView view(@RequestParam(required = false) String period) {
        String key = period == null || period.isBlank() ? YearMonth.now(clock).toString() : period.strip();
        ReportPeriod chosen = ReportPeriod.parse(key, clock.getZone()).orElseThrow(() -> RequestRefused.badRequest(
                "bad_period", "周期格式应为 2026-11（月）、2026Q4（季度）或 2026（年）"));
        AvailabilityReport report = availability.report(chosen);
        int year = chosen.firstDay().getYear();
        List<AvailabilityView.Figure> months = IntStream.rangeClosed(1, 12)
                .mapToObj(m -> figure("%d-%02d".formatted(year, m), ReportPeriod.month(YearMonth.of(year, m), clock.getZone())))
                .toList();
        List<AvailabilityView.Figure> quarters = IntStream.rangeClosed(1, 4)
                .mapToObj(q -> figure(year + "Q" + q, ReportPeriod.quarter(year, q, clock.getZone()))).toList();
        List<AvailabilityView.Interval> maintenance = availability.maintenanceWindows().stream()
                .filter(w -> w.to().isAfter(chosen.from()) && w.from().isBefore(chosen.to()))
                .map(AvailabilityView.Interval::of).toList();
        return new AvailabilityView(key, chosen.label(), chosen.from().toEpochMilli(), chosen.to().toEpochMilli(),
                Math.min(chosen.to().toEpochMilli(), clock.millis()),
                report.target(), AvailabilityView.Figure.of(key, report), functions(key, chosen), months, quarters,
                figure(String.valueOf(year), ReportPeriod.year(year, clock.getZone())),
                report.outages().stream().map(AvailabilityView.Interval::of).toList(), maintenance);
    }

    private List<AvailabilityView.Function> functions(String key, ReportPeriod period) {
        return availability.reportPerFunction(period).entrySet().stream()
                .map(e -> new AvailabilityView.Function(e.getKey().name(), e.getKey().label(),
                        AvailabilityView.Figure.of(key, e.getValue())))
                .toList();
    }

    private AvailabilityView.Figure figure(String key, ReportPeriod period) {
        if (period.from().isAfter(clock.instant())) {
            // a period still to come has nothing to read: no need to ask
            return new AvailabilityView.Figure(key, period.label(), null, false, false, 0, 0, 0, "尚未开始");
        }
        return AvailabilityView.Figure.of(key, availability.report(period));
    }
}
