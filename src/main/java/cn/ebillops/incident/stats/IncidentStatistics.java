package cn.ebillops.incident.stats;

import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.contract.SigningGrade;
import cn.ebillops.incident.IncidentStatus;
import cn.ebillops.incident.availability.AvailabilityReport;
import cn.ebillops.incident.clock.SlaClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fault statistics of a period (quarter or year) as a value a chat answer or a Word report can
 * render: incidents by level and area, time to acknowledge and to resolve, SLA breaches, the
 * signing server's fault analysis (contract 二.3) and the availability against the target.
 * {@code withdrawn}: reports taken back as "not a fault", counted apart and in no other figure.
 */
public record IncidentStatistics(String periodLabel, Instant from, Instant to, int total,
                                 Map<Severity, Long> bySeverity, Map<Area, Long> byArea, int open,
                                 DurationFigures acknowledge, DurationFigures resolve,
                                 Map<SlaClock, Long> breaches, List<IncidentLine> incidents,
                                 SigningAnalysis signing, AvailabilityReport availability, int withdrawn) {

    public IncidentStatistics {
        bySeverity = Map.copyOf(bySeverity);
        byArea = Map.copyOf(byArea);
        breaches = Map.copyOf(breaches);
        incidents = List.copyOf(incidents);
    }

    /** Count, mean and worst of a duration over the incidents that have it. */
    public record DurationFigures(int count, Optional<Duration> mean, Optional<Duration> worst,
                                  Optional<Long> worstIncident) {
    }

    /** One incident as a table row. {@code breached} lists the clocks whose deadline passed. */
    public record IncidentLine(long number, Instant openedAt, Severity severity, Area area, IncidentStatus status,
                               String summary, Optional<Duration> timeToAcknowledge,
                               Optional<Duration> timeToResolve, String cause, List<SlaClock> breached,
                               Optional<SigningGrade> signingGrade) {
    }

    /** The signing server's fault statistics analysis (用户认证服务器故障统计分析). */
    public record SigningAnalysis(int total, Map<SigningGrade, Long> byGrade, int loanerDeadlinesMissed,
                                  DurationFigures resolve, List<IncidentLine> incidents, String conclusion) {

        public SigningAnalysis {
            byGrade = Map.copyOf(byGrade);
            incidents = List.copyOf(incidents);
        }
    }

    public long breachCount() {
        return breaches.values().stream().mapToLong(Long::longValue).sum();
    }
}
