package cn.ebillops.incident.stats;

import cn.ebillops.contract.Severity;
import cn.ebillops.incident.ReportPeriod;
import cn.ebillops.incident.clock.SlaClock;
import cn.ebillops.inspection.InspectionStore;
import cn.ebillops.schedule.AnnualSummarySource;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** The year's incident and availability figures for the annual service meeting (contract 一.20). */
@Component
class IncidentAnnualSummary implements AnnualSummarySource {

    private final IncidentStatisticsService statistics;
    private final InspectionStore inspections;
    private final ZoneId zone;

    IncidentAnnualSummary(IncidentStatisticsService statistics, InspectionStore inspections, java.time.Clock clock) {
        this.statistics = statistics;
        this.inspections = inspections;
        this.zone = clock.getZone();
    }

    @Override
    public AnnualSummary summarize(int year) {
        IncidentStatistics s = statistics.statistics(ReportPeriod.year(year, zone));
        long severe = s.bySeverity().getOrDefault(Severity.I, 0L) + s.bySeverity().getOrDefault(Severity.II, 0L);
        double responseMet = s.total() == 0 ? -1
                : 100.0 * (s.total() - s.breaches().getOrDefault(SlaClock.RESPONSE, 0L)) / s.total();
        double availability = s.availability().hasData() ? s.availability().percent() : -1;
        ReportPeriod period = ReportPeriod.year(year, zone);
        InspectionStore.Totals counts = inspections.totalsBetween(period.from(), period.to());
        return new AnnualSummary(year, s.total(), severe, responseMet, availability, counts.runs(), counts.problems());
    }
}
