package cn.ebillops.incident.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Availability of the key functions (e-bill issuance interface, signing server) over a period,
 * maintenance windows excluded. {@code percent} is NaN when nothing was observed.
 */
public record AvailabilityReport(String periodLabel, Instant from, Instant to, long samples, Duration observed,
                                 Duration down, Duration maintenanceExcluded, double percent, double target,
                                 List<Outage> outages) {

    public AvailabilityReport {
        outages = List.copyOf(outages);
    }

    public record Outage(Instant from, Instant to, String detail) {

        public Duration length() {
            return Duration.between(from, to);
        }
    }

    public boolean hasData() {
        return !Double.isNaN(percent);
    }

    public boolean meetsTarget() {
        return hasData() && percent >= target;
    }

    /** "99.95%（目标 ≥99%，达标）" or "无探测数据". */
    public String describe() {
        if (!hasData()) {
            return "无探测数据";
        }
        return "%.2f%%（目标 ≥%s%%，%s）".formatted(percent, trim(target), meetsTarget() ? "达标" : "未达标");
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
