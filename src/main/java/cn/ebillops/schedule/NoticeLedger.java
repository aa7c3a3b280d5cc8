package cn.ebillops.schedule;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The notice table. Claiming is a single insert (the primary key decides between instances) or,
 * for a failed or abandoned claim, a conditional update; either way exactly one caller wins.
 */
@Repository
class NoticeLedger {

    public enum Status { CLAIMED, SENT, FAILED, MISSED }

    public record Entry(String kind, String occasion, Instant dueAt, Status status, boolean late, Instant sentAt,
                        int attempts) {
    }

    private final JdbcClient jdbc;

    public NoticeLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The first evaluation's instant, recorded once (the first caller's value wins). */
    public Instant epoch(Instant now) {
        Optional<Instant> existing = readEpoch();
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbc.sql("insert into notice_epoch (id, started_at) values (1, ?)").param(Timestamp.from(now)).update();
        } catch (DuplicateKeyException raced) {
            // another instance recorded it first
        }
        return readEpoch().orElse(now);
    }

    private Optional<Instant> readEpoch() {
        return jdbc.sql("select started_at from notice_epoch where id = 1")
                .query((rs, i) -> rs.getTimestamp(1).toInstant()).optional();
    }

    public Optional<Entry> find(NoticeKind kind, String occasion) {
        return jdbc.sql("""
                select kind, occasion, due_at, status, late, sent_at, attempts from notice
                where kind = ? and occasion = ?""")
                .params(kind.code(), occasion)
                .query((rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        Status.valueOf(rs.getString(4)), rs.getBoolean(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getInt(7)))
                .optional();
    }

    /**
     * Claims the notice for sending: true for exactly one caller. A FAILED notice below
     * {@code maxAttempts}, or a CLAIMED one whose claim is older than {@code lease} (its sender
     * died), can be claimed again.
     */
    public boolean claim(PlannedNotice n, String owner, Instant now, Duration lease, int maxAttempts) {
        try {
            jdbc.sql("""
                    insert into notice (kind, occasion, due_at, status, claimed_by, claimed_at, attempts)
                    values (?, ?, ?, 'CLAIMED', ?, ?, 1)""")
                    .params(n.kind().code(), n.occasion(), Timestamp.from(n.dueAt()), owner, Timestamp.from(now))
                    .update();
            return true;
        } catch (DuplicateKeyException taken) {
            return jdbc.sql("""
                    update notice set status = 'CLAIMED', claimed_by = ?, claimed_at = ?, attempts = attempts + 1
                    where kind = ? and occasion = ?
                      and ((status = 'FAILED' and attempts < ?) or (status = 'CLAIMED' and claimed_at < ?))""")
                    .params(owner, Timestamp.from(now), n.kind().code(), n.occasion(), maxAttempts,
                            Timestamp.from(now.minus(lease)))
                    .update() == 1;
        }
    }

    public void markSent(PlannedNotice n, String owner, Instant now, boolean late) {
        jdbc.sql("""
                update notice set status = 'SENT', sent_at = ?, late = ?, last_error = null
                where kind = ? and occasion = ? and claimed_by = ?""")
                .params(Timestamp.from(now), late, n.kind().code(), n.occasion(), owner)
                .update();
    }

    public void markFailed(PlannedNotice n, String owner, String error) {
        String e = error == null ? "" : error.length() > 480 ? error.substring(0, 480) : error;
        jdbc.sql("update notice set status = 'FAILED', last_error = ? where kind = ? and occasion = ? and claimed_by = ?")
                .params(e, n.kind().code(), n.occasion(), owner)
                .update();
    }

    /** Records an occasion that expired unsent; true for the one caller that recorded it. */
    public boolean recordMissed(PlannedNotice n, String owner, Instant now) {
        try {
            jdbc.sql("""
                    insert into notice (kind, occasion, due_at, status, claimed_by, claimed_at, sent_at, attempts)
                    values (?, ?, ?, 'MISSED', ?, ?, ?, 0)""")
                    .params(n.kind().code(), n.occasion(), Timestamp.from(n.dueAt()), owner, Timestamp.from(now),
                            Timestamp.from(now))
                    .update();
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    public List<Entry> recent(int limit) {
        return jdbc.sql("""
                select kind, occasion, due_at, status, late, sent_at, attempts from notice
                order by due_at desc limit ?""")
                .param(limit)
                .query((rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        Status.valueOf(rs.getString(4)), rs.getBoolean(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getInt(7)))
                .list();
    }
}
