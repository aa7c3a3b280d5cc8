package cn.ebillops.channel.wecom;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The persistent outbox of group robot notices (table wecom_robot_outbox). */
@Repository
public class RobotOutbox {

    public record Row(long id, String chatId, String body, int partsSent, int attempts) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public RobotOutbox(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** Queues a notice; false when a notice with the same dedup key was queued before. */
    public boolean add(String chatId, String body, String dedupKey) {
        Timestamp now = ts(clock.instant());
        try {
            jdbc.sql("""
                    insert into wecom_robot_outbox (chat_id, dedup_key, body, status, next_attempt_at, created_at)
                    values (?, ?, ?, 'PENDING', ?, ?)""")
                    .params(chatId, dedupKey, body, now, now).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public List<String> chatsWithDue(Instant now) {
        return jdbc.sql("select distinct chat_id from wecom_robot_outbox where status = 'PENDING' and next_attempt_at <= ?")
                .param(ts(now)).query(String.class).list();
    }

    public List<Row> due(String chatId, Instant now, int limit) {
        return jdbc.sql("""
                select id, chat_id, body, parts_sent, attempts from wecom_robot_outbox
                where chat_id = ? and status = 'PENDING' and next_attempt_at <= ? order by id limit ?""")
                .params(chatId, ts(now), limit)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)))
                .list();
    }

    /**
     * Folds the rows into one new summary row, atomically: a row already taken by someone else
     * (no longer PENDING) aborts the merge, so no notice ends up in two messages.
     */
    public Row merge(String chatId, List<Row> rows, String summary) {
        return tx.execute(status -> {
            Timestamp now = ts(clock.instant());
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into wecom_robot_outbox (chat_id, body, status, next_attempt_at, created_at)
                    values (?, ?, 'PENDING', ?, ?)""")
                    .params(chatId, summary, now, now).update(keys, "id");
            long id = keys.getKey().longValue();
            for (Row r : rows) {
                int n = jdbc.sql("""
                        update wecom_robot_outbox set status = 'MERGED', merged_into = ?
                        where id = ? and status = 'PENDING' and parts_sent = 0""")
                        .params(id, r.id()).update();
                if (n != 1) {
                    status.setRollbackOnly();
                    return null;
                }
            }
            return new Row(id, chatId, summary, 0, 0);
        });
    }

    /** Records one more accepted part; the row is SENT when all parts are. */
    public void partSent(long id, int partsSent, int totalParts) {
        Timestamp now = ts(clock.instant());
        jdbc.sql("""
                update wecom_robot_outbox set parts_sent = ?, attempts = 0, last_error = null,
                  status = case when ? >= ? then 'SENT' else status end,
                  sent_at = case when ? >= ? then ? else sent_at end
                where id = ?""")
                .params(partsSent, partsSent, totalParts, partsSent, totalParts, now, id).update();
    }

    public void retryLater(long id, int attempts, Instant next, String error) {
        jdbc.sql("update wecom_robot_outbox set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
                .params(attempts, ts(next), truncate(error), id).update();
    }

    public void fail(long id, String error) {
        jdbc.sql("update wecom_robot_outbox set status = 'FAILED', last_error = ? where id = ?")
                .params(truncate(error), id).update();
    }

    /** Deletes sent and merged rows created before {@code before}; pending and failed rows stay. */
    public int purgeDone(Instant before) {
        return jdbc.sql("delete from wecom_robot_outbox where status in ('SENT', 'MERGED') and created_at < ?")
                .param(ts(before)).update();
    }

    public long pending(String chatId) {
        return jdbc.sql("select count(*) from wecom_robot_outbox where chat_id = ? and status = 'PENDING'")
                .param(chatId).query(Long.class).single();
    }

    public long count(String status) {
        return jdbc.sql("select count(*) from wecom_robot_outbox where status = ?").param(status)
                .query(Long.class).single();
    }

    /** Millisecond precision: databases round nanoseconds (H2 rounds up), which would make "due now" rows not due. */
    static Timestamp ts(Instant instant) {
        return Timestamp.from(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 200 ? s.substring(0, 200) : s;
    }
}
