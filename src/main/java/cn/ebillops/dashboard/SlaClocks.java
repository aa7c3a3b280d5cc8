package cn.ebillops.dashboard;

import cn.ebillops.incident.Incident;
import cn.ebillops.incident.clock.SlaClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The running SLA clocks of an open incident and their colour. The rule, shown on the page too: green while more
 * than a quarter of the clock's span is left, amber in its last quarter, red once the deadline has passed. The span
 * runs from when the clock started (opening; for the on-site clock, when a visit was found necessary) to its deadline.
 */
final class SlaClocks {

    /** Below this share of the span left, a clock turns amber. */
    static final double AMBER_BELOW = 0.25;

    enum Colour { GREEN, AMBER, RED }

    record Running(String clock, String label, Instant deadline, long secondsLeft, Colour colour) {
    }

    private SlaClocks() {
    }

    static List<Running> of(Incident i, Instant now) {
        return Arrays.stream(SlaClock.values())
                .flatMap(c -> i.runningDeadline(c).stream().map(deadline -> running(i, c, deadline, now)))
                .toList();
    }

    private static Running running(Incident i, SlaClock c, Instant deadline, Instant now) {
        Instant started = c == SlaClock.ONSITE && i.onsiteRequiredAt() != null ? i.onsiteRequiredAt() : i.openedAt();
        long left = Duration.between(now, deadline).toSeconds();
        return new Running(c.name(), c.label(), deadline, left, colour(started, deadline, now));
    }

    static Colour colour(Instant started, Instant deadline, Instant now) {
        if (now.isAfter(deadline)) {
            return Colour.RED;
        }
        long span = Math.max(1, Duration.between(started, deadline).toMillis());
        long left = Duration.between(now, deadline).toMillis();
        return left < span * AMBER_BELOW ? Colour.AMBER : Colour.GREEN;
    }
}
