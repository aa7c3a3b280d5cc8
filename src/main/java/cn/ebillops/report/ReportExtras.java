package cn.ebillops.report;

import cn.ebillops.assistant.llm.ImprovementWriter;
import cn.ebillops.incident.ReportPeriod;
import cn.ebillops.incident.stats.IncidentStatisticsDocx;
import cn.ebillops.incident.stats.IncidentStatisticsService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Sections other modules add to the Word reports: the quarter's fault statistics and
 * availability (incident module), and a language model's wording of the suggestions (optional).
 */
@Component
public class ReportExtras {

    private final ObjectProvider<IncidentStatisticsService> statistics;
    private final ObjectProvider<ImprovementWriter> improvementWriter;
    private final Clock clock;

    public ReportExtras(ObjectProvider<IncidentStatisticsService> statistics,
                        ObjectProvider<ImprovementWriter> improvementWriter, Clock clock) {
        this.statistics = statistics;
        this.improvementWriter = improvementWriter;
        this.clock = clock;
    }

    /** Appends the fault statistics of the quarter containing {@code at}, under the report's own heading. */
    void faultStatistics(XWPFDocument doc, Instant at, Runnable heading) {
        IncidentStatisticsService service = statistics.getIfAvailable();
        if (service == null) {
            return;
        }
        heading.run();
        ReportPeriod quarter = ReportPeriod.currentQuarter(Clock.fixed(at, clock.getZone()));
        new IncidentStatisticsDocx(clock.getZone()).write(doc, service.statistics(quarter));
    }

    /** The model's wording of the rule-based suggestions, already marked as such; empty offline. */
    Optional<String> polishedAdvice(List<String> advice) {
        ImprovementWriter writer = improvementWriter.getIfAvailable();
        if (writer == null || !writer.enabled() || advice.isEmpty()) {
            return Optional.empty();
        }
        return writer.polish(String.join("\n", advice));
    }
}
