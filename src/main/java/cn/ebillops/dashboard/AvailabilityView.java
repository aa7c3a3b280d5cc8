package cn.ebillops.dashboard;

import cn.ebillops.incident.availability.AvailabilityReport;
import cn.ebillops.incident.availability.MaintenanceWindow;
import java.time.Duration;
import java.util.List;

/**
 * The JSON of the availability view: the chosen period with its outages and maintenance windows, and the
 * months, quarters and year of that period's year against the target. Times are epoch milliseconds (what
 * ECharts' time axis takes); {@code until} is where the data ends (now, in a running period);
 * {@code percent} is null when the period has no probe data. {@code selected} is the combined figure (the
 * contract's); {@code functions} are each key function's figure for the chosen period by the same rule.
 */
record AvailabilityView(String period, String label, long from, long to, long until, double target, Figure selected,
                        List<Function> functions, List<Figure> months, List<Figure> quarters, Figure year,
                        List<Interval> outages, List<Interval> maintenance) {

    /** One key function (EBILL, SIGNING) in the chosen period. */
    record Function(String key, String name, Figure figure) {
    }

    /** One period's availability as the incident module computed it. */
    record Figure(String period, String label, Double percent, boolean hasData, boolean meetsTarget, long samples,
                  long downMinutes, long maintenanceMinutes, String text) {

        static Figure of(String period, AvailabilityReport r) {
            // rounded as the chat answer rounds it (describe() prints two decimals), so page and chat agree
            Double percent = r.hasData() ? Math.round(r.percent() * 100) / 100.0 : null;
            return new Figure(period, r.periodLabel(), percent, r.hasData(), r.meetsTarget(), r.samples(),
                    AvailabilityView.minutes(r.down()), AvailabilityView.minutes(r.maintenanceExcluded()), r.describe());
        }
    }

    /** An outage or a maintenance window. */
    record Interval(long from, long to, long minutes, String note) {

        static Interval of(AvailabilityReport.Outage o) {
            return new Interval(o.from().toEpochMilli(), o.to().toEpochMilli(), AvailabilityView.minutes(o.length()), o.detail());
        }

        static Interval of(MaintenanceWindow w) {
            return new Interval(w.from().toEpochMilli(), w.to().toEpochMilli(),
                    AvailabilityView.minutes(Duration.between(w.from(), w.to())), w.note());
        }
    }

    static long minutes(Duration d) {
        return Math.round(d.toMillis() / 60_000.0);
    }
}
