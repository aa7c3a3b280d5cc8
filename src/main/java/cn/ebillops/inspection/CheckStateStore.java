package cn.ebillops.inspection;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Persistent per-check state between runs (table inspection_check_state), e.g. log positions. */
@Component
public class CheckStateStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    public CheckStateStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<String> get(String checkId, String key) {
        return jdbc.sql("select state_value from inspection_check_state where check_id = ? and state_key = ?")
                .params(checkId, key).query(String.class).optional();
    }

    public void put(String checkId, String key, String value) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // update-then-insert: portable between H2 (PostgreSQL mode) and PostgreSQL.
        int n = jdbc.sql("update inspection_check_state set state_value = ?, updated_at = ? where check_id = ? and state_key = ?")
                .params(value, now, checkId, key).update();
        if (n == 0) {
            jdbc.sql("insert into inspection_check_state (check_id, state_key, state_value, updated_at) values (?, ?, ?, ?)")
                    .params(checkId, key, value, now).update();
        }
    }
}
