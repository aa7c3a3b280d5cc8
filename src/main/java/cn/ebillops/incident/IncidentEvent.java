package cn.ebillops.incident;

import java.time.Instant;

/** One line of an incident's timeline. */
public record IncidentEvent(long incidentNumber, Instant at, String kind, String actor, String note) {
}
