package cn.ebillops.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit rows and the chain head in the database (H2 or PostgreSQL). Rows are only ever inserted. */
@Repository
class AuditStore {

    /** The last appended row as the appender recorded it. */
    record Head(long lastId, String lastHash) {
    }

    private static final String COLUMNS =
            "id, at, actor, route, action, target, before_value, after_value, outcome, prev_hash, hash";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    AuditStore(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * Appends the row {@code draft} builds for the next id, linked to the last one. The head row is locked
     * for the transaction (H2 and PostgreSQL both block a second {@code for update}), so two writers, even
     * on two instances, take turns and never link to the same predecessor.
     */
    AuditRow append(LongFunction<AuditRow> draft) {
        return tx.execute(status -> {
            Head head = jdbc.sql("select last_id, last_hash from audit_chain_head where id = 1 for update")
                    .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
            AuditRow row = draft.apply(head.lastId() + 1).chainedTo(head.lastHash());
            jdbc.sql("insert into audit_log (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(row.id(), OffsetDateTime.ofInstant(row.at(), ZoneOffset.UTC), row.actor(), row.route(),
                            row.action(), row.target(), row.before(), row.after(), row.outcome(), row.prevHash(),
                            row.hash())
                    .update();
            jdbc.sql("update audit_chain_head set last_id = ?, last_hash = ? where id = 1")
                    .params(row.id(), row.hash()).update();
            return row;
        });
    }

    Head head() {
        return jdbc.sql("select last_id, last_hash from audit_chain_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    /** Every row in chain order, one at a time (the log grows without bound). */
    void forEach(Consumer<AuditRow> each) {
        jdbc.sql("select " + COLUMNS + " from audit_log order by id")
                .query((RowCallbackHandler) rs -> each.accept(map(rs)));
    }

    /** The newest {@code n} rows, newest first. */
    List<AuditRow> latest(int n) {
        return jdbc.sql("select " + COLUMNS + " from audit_log order by id desc limit ?").param(n)
                .query((rs, i) -> map(rs)).list();
    }

    /** The newest row of an action, e.g. the last configuration load. */
    java.util.Optional<AuditRow> lastOf(String action) {
        return jdbc.sql("select " + COLUMNS + " from audit_log where action = ? order by id desc limit 1")
                .param(action).query((rs, i) -> map(rs)).optional();
    }

    private static AuditRow map(ResultSet rs) throws SQLException {
        Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
        return new AuditRow(rs.getLong(1), at, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));
    }
}
