package cn.ebillops.incident;

import cn.ebillops.contract.Severity;
import cn.ebillops.incident.clock.SlaClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * What an operator alerts on in incidents, read from the database at each scrape (so every instance
 * reports the same, and a restart loses nothing):
 * {@code ebillops_incidents_open{level}} — open incidents (待接单、处理中) by contract level, and
 * {@code ebillops_sla_overdue_clocks{clock}} — running SLA clocks past their deadline (response,
 * onsite, resolution, loaner). A database that does not answer gives NaN (the db health says why).
 */
@Component
class IncidentMetrics implements MeterBinder {

    private final IncidentRepository repository;
    private final Clock clock;

    IncidentMetrics(IncidentRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Severity level : Severity.values()) {
            gauge(registry, "ebillops.incidents.open", "open incidents (待接单、处理中) by contract level",
                    "level", level.name(), open -> open.stream().filter(i -> i.severity() == level).count());
        }
        for (SlaClock sla : SlaClock.values()) {
            gauge(registry, "ebillops.sla.overdue.clocks", "running SLA clocks past their deadline",
                    "clock", sla.name().toLowerCase(Locale.ROOT), open -> overdue(open, sla, clock.instant()));
        }
    }

    static long overdue(List<Incident> open, SlaClock sla, Instant now) {
        return open.stream().filter(i -> i.runningDeadline(sla).map(now::isAfter).orElse(false)).count();
    }

    private void gauge(MeterRegistry registry, String name, String description, String tag, String value,
                       ToDoubleFunction<List<Incident>> of) {
        Gauge.builder(name, this, m -> m.read(of)).description(description).tag(tag, value).register(registry);
    }

    private double read(ToDoubleFunction<List<Incident>> of) {
        try {
            return of.applyAsDouble(repository.findOpen());
        } catch (DataAccessException e) {
            return Double.NaN;
        }
    }
}
