package cn.ebillops.wecom;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an operator alerts on in the WeCom channel, read at each scrape:
 * {@code ebillops_wecom_outbox_pending} and {@code ebillops_wecom_outbox_oldest_age_seconds} (group robot
 * notices waiting, e.g. behind WeCom's 20-a-minute limit or a webhook that fails),
 * {@code ebillops_wecom_outbox_failed} (given up), {@code ebillops_wecom_inbox_pending} and
 * {@code ebillops_wecom_inbox_oldest_age_seconds} (acknowledged messages not answered yet), and where
 * the long connection is configured {@code ebillops_wecom_long_connection_holder} / {@code _subscribed}
 * (1 or 0 on this instance: the sum over the instances should be 1). NaN while the database is away.
 */
@Component
class WecomMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LongConnectionStatus connection;

    WecomMetrics(JdbcClient jdbc, Clock clock, LongConnectionStatus connection) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.connection = connection;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "ebillops.wecom.outbox.pending", "group robot notices waiting to be sent",
                () -> count("select count(*) from wecom_robot_outbox where status = 'PENDING'"));
        gauge(registry, "ebillops.wecom.outbox.failed", "group robot notices given up after their retries",
                () -> count("select count(*) from wecom_robot_outbox where status = 'FAILED'"));
        age(registry, "ebillops.wecom.outbox.oldest.age", "age of the oldest group robot notice waiting",
                "select min(queued_at) from wecom_robot_outbox where status = 'PENDING'");
        gauge(registry, "ebillops.wecom.inbox.pending", "messages acknowledged to WeCom and not answered yet",
                () -> count("select count(*) from wecom_inbox"));
        age(registry, "ebillops.wecom.inbox.oldest.age", "age of the oldest message not answered yet",
                "select min(received_at) from wecom_inbox");
        if (connection.enabled()) {
            gauge(registry, "ebillops.wecom.long.connection.holder", "1 when this instance holds the AI bot long connection",
                    () -> connection.isLeader() ? 1 : 0);
            gauge(registry, "ebillops.wecom.long.connection.subscribed", "1 when this instance's long connection is subscribed",
                    () -> LongConnectionState.of(connection) == LongConnectionState.SUBSCRIBED ? 1 : 0);
        }
    }

    // The state object of a gauge is held weakly by Micrometer: this bean (held by the context), never
    // the lambda, which the collector would take and leave the gauge at NaN.
    private void gauge(MeterRegistry registry, String name, String description, Supplier<Number> value) {
        Gauge.builder(name, this, m -> read(value)).description(description).register(registry);
    }

    private void age(MeterRegistry registry, String name, String description, String oldestSql) {
        Supplier<Number> seconds = () -> {
            // min() over no rows is one row holding null
            List<Timestamp> row = jdbc.sql(oldestSql).query(Timestamp.class).list();
            Timestamp oldest = row.isEmpty() ? null : row.get(0);
            return oldest == null ? 0
                    : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0);
        };
        TimeGauge.builder(name, this, TimeUnit.SECONDS, m -> read(seconds)).description(description)
                .register(registry);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static double read(Supplier<Number> value) {
        try {
            return value.get().doubleValue();
        } catch (DataAccessException e) {
            return Double.NaN;
        }
    }
}
