package cn.ebillops.incident.availability;

import java.time.Instant;

/** An announced maintenance window: excluded from availability. {@code id} 0 = from bot-config. */
public record MaintenanceWindow(long id, Instant from, Instant to, String note, String createdBy) {

    public long overlapMillis(Instant a, Instant b) {
        long start = Math.max(a.toEpochMilli(), from.toEpochMilli());
        long end = Math.min(b.toEpochMilli(), to.toEpochMilli());
        return Math.max(0, end - start);
    }

    public boolean contains(Instant a, Instant b) {
        return !a.isBefore(from) && !b.isAfter(to);
    }
}
