package cn.ebillops.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.concurrent.atomic.AtomicReference;

/** The one clock tests move by hand; atomic, because background threads read it while a test advances it. */
public final class MutableClock extends Clock {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MutableClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    /** In Beijing time, at an ISO date-time: with an offset ("…T10:00:00+08:00") or local to Beijing ("…T10:00"). */
    public static MutableClock at(String isoDateTime) {
        return new MutableClock(instant(isoDateTime, BEIJING), BEIJING);
    }

    public void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    /** Same forms as {@link #at}; a local date-time is read in this clock's zone. */
    public void set(String isoDateTime) {
        now.set(instant(isoDateTime, zone));
    }

    /** The wall-clock time in this clock's zone. */
    public LocalDateTime local() {
        return LocalDateTime.ofInstant(now.get(), zone);
    }

    private static Instant instant(String isoDateTime, ZoneId zone) {
        TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(isoDateTime, OffsetDateTime::from,
                LocalDateTime::from);
        return t instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) t).atZone(zone).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(now.get(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
