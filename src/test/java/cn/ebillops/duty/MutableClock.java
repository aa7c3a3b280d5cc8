package cn.ebillops.duty;

import cn.ebillops.infra.InfraConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A test clock in Beijing time that tests move by hand. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant now) {
        this.now = now;
    }

    public static MutableClock at(String localDateTime) {
        return new MutableClock(LocalDateTime.parse(localDateTime).atZone(InfraConfig.ZONE).toInstant());
    }

    public void set(String localDateTime) {
        now = LocalDateTime.parse(localDateTime).atZone(InfraConfig.ZONE).toInstant();
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    public LocalDateTime local() {
        return LocalDateTime.ofInstant(now, InfraConfig.ZONE);
    }

    @Override
    public ZoneId getZone() {
        return InfraConfig.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return now;
    }
}
