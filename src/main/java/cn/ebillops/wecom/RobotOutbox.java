package cn.ebillops.wecom;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The persistent outbox of group robot notices (table wecom_robot_outbox). */
@Repository
class RobotOutbox {

    /**
     * A pending notice, summary or file. {@code queuedAt}: when the notice was queued (a summary: its
     * first notice); {@code originals}: how many notices a summary lists, 0 for a notice; {@code fileName}:
     * set for a file ({@link RobotFiles}), whose body is its name.
     */
    public record Row(long id, String chatId, String body, int partsSent, int attempts, Instant queuedAt,
                      Instant nextAttemptAt, int originals, String fileName) {

        public boolean isSummary() {
            return originals > 0;
        }

        public boolean isFile() {
            return fileName != null;
        }

        Row withBody(String text) {
            return new Row(id, chatId, text, partsSent, attempts, queuedAt, nextAttemptAt, originals, fileName);
        }
    }

    /** The order notices go out and are listed in: when they were queued. */
    public static final Comparator<Row> QUEUE_ORDER = Comparator.comparing(Row::queuedAt).thenComparingLong(Row::id);

    private static final String COLUMNS =
            "id, chat_id, body, parts_sent, attempts, queued_at, next_attempt_at, originals, file_name";
    private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getInt(4), rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), rs.getInt(8),
            rs.getString(9));

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
                    insert into wecom_robot_outbox (chat_id, dedup_key, body, status, next_attempt_at, created_at, queued_at)
                    values (?, ?, ?, 'PENDING', ?, ?, ?)""")
                    .params(chatId, dedupKey, body, now, now, now).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public List<String> chatsWithDue(Instant now) {
        return jdbc.sql("select distinct chat_id from wecom_robot_outbox where status = 'PENDING' and next_attempt_at <= ?")
                .param(ts(now)).query(String.class).list();
    }

    /**
     * The chat's pending rows in queue order, when the first of them is due; none while the first
     * waits for its retry (so nothing queued later overtakes it).
     */
    public List<Row> due(String chatId, Instant now, int limit) {
        List<Row> rows = jdbc.sql("select " + COLUMNS + """
                 from wecom_robot_outbox where chat_id = ? and status = 'PENDING'
                order by queued_at, id limit ?""")
                .params(chatId, limit).query(ROW).list();
        return rows.isEmpty() || rows.get(0).nextAttemptAt().isAfter(ts(now).toInstant()) ? List.of() : rows;
    }

    /**
     * The original notices a summary lists, in queue order (for a summary made before V43, which
     * may hold older summaries, the notices at the bottom); a notice stands for itself.
     */
    public List<Row> originals(Row row) {
        if (!row.isSummary()) {
            return List.of(row);
        }
        List<Row> out = new ArrayList<>();
        collectOriginals(row.id(), out);
        out.sort(QUEUE_ORDER);
        return out;
    }

    private void collectOriginals(long summaryId, List<Row> out) {
        for (Row r : jdbc.sql("select " + COLUMNS + " from wecom_robot_outbox where merged_into = ?")
                .param(summaryId).query(ROW).list()) {
            if (r.isSummary()) {
                collectOriginals(r.id(), out); // an older nested summary, or one replaced (then empty)
            } else {
                out.add(r);
            }
        }
    }

    /** How many notices wait in the chat, alone or in a summary not sent yet. */
    public long waitingNotices(String chatId) {
        return jdbc.sql("""
                select coalesce(sum(case when originals > 0 then originals else 1 end), 0)
                from wecom_robot_outbox where chat_id = ? and status = 'PENDING'""")
                .param(chatId).query(Long.class).single();
    }

    /**
     * Replaces pending rows by one new summary listing {@code listed} (original notices in queue
     * order), atomically. Of the {@code pending} rows, each notice listed is merged into it, and each
     * summary holding a listed notice is replaced: its notices move to the new summary (never its
     * text, so a summary is one level deep), and those not listed go back to the queue with their
     * queue time; a replaced summary is never sent. The new summary keeps the most attempts of the
     * rows it replaces (the back-off goes on). A row already taken by someone else (no longer
     * pending, or partly sent) aborts the merge (null), so no notice ends up in two messages.
     */
    public Row merge(String chatId, List<Row> pending, List<Row> listed, String summary) {
        return tx.execute(status -> {
            Timestamp now = ts(clock.instant());
            Set<Long> listedIds = new HashSet<>();
            listed.forEach(r -> listedIds.add(r.id()));
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into wecom_robot_outbox (chat_id, body, status, next_attempt_at, created_at, queued_at, originals)
                    values (?, ?, 'PENDING', ?, ?, ?, ?)""")
                    .params(chatId, summary, now, now, ts(listed.get(0).queuedAt()), listed.size())
                    .update(keys, "id");
            long id = keys.getKey().longValue();
            int moved = 0;
            int attempts = 0;
            for (Row r : pending) {
                List<Row> notices = r.isSummary() ? originals(r) : List.of(r);
                if (notices.stream().noneMatch(o -> listedIds.contains(o.id()))) {
                    continue;
                }
                int n = jdbc.sql("""
                        update wecom_robot_outbox set status = 'MERGED', merged_into = ?
                        where id = ? and status = 'PENDING' and parts_sent = 0""")
                        .params(id, r.id()).update();
                if (n != 1) {
                    status.setRollbackOnly();
                    return null;
                }
                attempts = Math.max(attempts, r.attempts());
                if (!r.isSummary()) {
                    moved++;
                    continue;
                }
                for (Row o : notices) {
                    if (listedIds.contains(o.id())) {
                        moved += jdbc.sql("update wecom_robot_outbox set merged_into = ? where id = ?")
                                .params(id, o.id()).update();
                    } else {
                        jdbc.sql("""
                                update wecom_robot_outbox set status = 'PENDING', merged_into = null,
                                  next_attempt_at = ? where id = ?""")
                                .params(now, o.id()).update();
                    }
                }
            }
            if (moved != listed.size()) {
                status.setRollbackOnly(); // a listed notice was not among the pending rows
                return null;
            }
            // the back-off of an outage goes on with the summary that replaces the held-back rows
            jdbc.sql("update wecom_robot_outbox set attempts = ? where id = ?").params(attempts, id).update();
            return new Row(id, chatId, summary, 0, attempts, listed.get(0).queuedAt(), now.toInstant(), listed.size(),
                    null);
        });
    }

    /** Brings a held-back summary's text up to date (how many are left out) before it is retried. */
    public boolean rewrite(long id, String body) {
        return jdbc.sql("update wecom_robot_outbox set body = ? where id = ? and status = 'PENDING' and parts_sent = 0")
                .params(body, id).update() == 1;
    }

    /** Records one more accepted part; the row is SENT when all parts are (a file's bytes then go). */
    public void partSent(long id, int partsSent, int totalParts) {
        Timestamp now = ts(clock.instant());
        jdbc.sql("""
                update wecom_robot_outbox set parts_sent = ?, attempts = 0, last_error = null,
                  status = case when ? >= ? then 'SENT' else status end,
                  sent_at = case when ? >= ? then ? else sent_at end,
                  file_content = case when ? >= ? then null else file_content end
                where id = ?""")
                .params(partsSent, partsSent, totalParts, partsSent, totalParts, now, partsSent, totalParts, id)
                .update();
    }

    public void retryLater(long id, int attempts, Instant next, String error) {
        jdbc.sql("update wecom_robot_outbox set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
                .params(attempts, ts(next), truncate(error), id).update();
    }

    public void fail(long id, String error) {
        jdbc.sql("update wecom_robot_outbox set status = 'FAILED', last_error = ?, file_content = null where id = ?")
                .params(truncate(error), id).update();
    }

    /**
     * Deletes sent and merged rows created before {@code before}; pending and failed rows stay, and
     * so do the notices of a summary not sent yet (it would be merged again without them).
     */
    public int purgeDone(Instant before) {
        return jdbc.sql("""
                delete from wecom_robot_outbox where created_at < ? and (status = 'SENT' or status = 'MERGED'
                  and not exists (select 1 from wecom_robot_outbox s
                                  where s.id = wecom_robot_outbox.merged_into and s.status = 'PENDING'))""")
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
