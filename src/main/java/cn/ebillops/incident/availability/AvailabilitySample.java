package cn.ebillops.incident.availability;

import java.time.Instant;

/** One probe of the key functions: up or down, with the failing checks when down. */
public record AvailabilitySample(Instant at, boolean up, String detail) {
}
