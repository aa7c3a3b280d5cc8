package cn.ebillops.incident.availability;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Probe samples and chat-announced maintenance windows. */
@Repository
public class AvailabilityRepository {

    /** The key_function of the combined sample: both key functions together, the contract's figure. */
    public static final String COMBINED = "ALL";

    private final JdbcClient jdbc;

    public AvailabilityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code function}: {@link #COMBINED} for the contract's figure, else an InspectionScope name. */
    public void insert(String function, AvailabilitySample s) {
        jdbc.sql("insert into availability_sample (at, up, detail, key_function) values (?, ?, ?, ?)")
                .params(Timestamp.from(s.at()), s.up(), s.detail().length() > 500 ? s.detail().substring(0, 500) : s.detail(),
                        function)
                .update();
    }

    /** The latest combined sample. */
    public Optional<AvailabilitySample> latest() {
        return jdbc.sql("select at, up, detail from availability_sample where key_function = ? order by at desc, id desc limit 1")
                .param(COMBINED)
                .query((rs, n) -> new AvailabilitySample(rs.getTimestamp(1).toInstant(), rs.getBoolean(2),
                        rs.getString(3))).optional();
    }

    /** Streams one function's samples in [from, to) in time order (a year of one-minute probes is ~525 000 rows). */
    public void forEach(String function, Instant from, Instant to, Consumer<AvailabilitySample> consumer) {
        jdbc.sql("select at, up, detail from availability_sample where key_function = ? and at >= ? and at < ? order by at, id")
                .params(function, Timestamp.from(from), Timestamp.from(to))
                .query(rs -> {
                    consumer.accept(new AvailabilitySample(rs.getTimestamp(1).toInstant(), rs.getBoolean(2),
                            rs.getString(3)));
                });
    }

    public long addMaintenance(MaintenanceWindow w) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into maintenance_window (starts_at, ends_at, note, created_by) values (?, ?, ?, ?)")
                .params(Timestamp.from(w.from()), Timestamp.from(w.to()), w.note(), w.createdBy())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<MaintenanceWindow> maintenance() {
        return jdbc.sql("select id, starts_at, ends_at, note, created_by from maintenance_window order by starts_at")
                .query((rs, n) -> new MaintenanceWindow(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5)))
                .list();
    }
}
