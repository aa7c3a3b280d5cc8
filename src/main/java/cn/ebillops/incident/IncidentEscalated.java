package cn.ebillops.incident;

import cn.ebillops.incident.clock.SlaClock;
import java.util.List;

/** Event: an SLA clock ran out and people were called ({@code step} 0 = first escalation). */
public record IncidentEscalated(long incidentNumber, SlaClock clock, int step, List<String> notifiedUserIds) {
}
