package cn.ebillops.incident;

import cn.ebillops.audit.AuditEntry;
import cn.ebillops.audit.AuditTrail;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Incidents, reporters, timeline and sent notices in the database (H2 or PostgreSQL). Every state change
 * of an incident adds a timeline line, so each line also goes on the audit trail: one hook for opening,
 * reports, level, acknowledgement, on-site, resolution, closing, withdrawal and escalation.
 */
@Repository
public class IncidentRepository {

    private static final String COLUMNS = """
            id, severity, area, status, source, summary, chat_id, opened_by, opened_at, service_stopped,
            onsite_required_at, acknowledged_at, acknowledged_by, onsite_at, onsite_by, resolved_at, resolved_by,
            cause, closed_at, closed_by, response_deadline, resolution_deadline, onsite_deadline, loaner_deadline
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public IncidentRepository(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public long insert(Incident i) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into incident (severity, area, status, source, summary, chat_id, opened_by, opened_at,
                    service_stopped, response_deadline, resolution_deadline, loaner_deadline)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(i.severity().name(), i.area().name(), i.status().name(), i.source().name(), i.summary(),
                        i.chatId(), i.openedBy(), ts(i.openedAt()), i.serviceStopped(), ts(i.responseDeadline()),
                        ts(i.resolutionDeadline()), ts(i.loanerDeadline()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Incident> find(long number) {
        return jdbc.sql("select " + COLUMNS + " from incident where id = ?").param(number)
                .query(IncidentRepository::map).optional();
    }

    /**
     * The newest open incident of an area opened or last reported at or after {@code since} (merge
     * window): an outage still being reported keeps joining its incident, however long it lasts.
     */
    public Optional<Incident> findOpenInArea(Area area, Instant since) {
        return jdbc.sql("select " + COLUMNS + """
                 from incident i where area = ? and status in ('OPEN', 'ACKNOWLEDGED') and (opened_at >= ?
                   or exists (select 1 from incident_event e where e.incident_id = i.id and e.kind = 'REPORTED'
                              and e.at >= ?))
                 order by id desc limit 1""")
                .params(area.name(), ts(since), ts(since)).query(IncidentRepository::map).optional();
    }

    public List<Incident> findOpen() {
        return jdbc.sql("select " + COLUMNS + " from incident where status in ('OPEN', 'ACKNOWLEDGED') order by id")
                .query(IncidentRepository::map).list();
    }

    /** Open or resolved (not yet closed) incidents the user reported, or reported in the chat; newest first. */
    public List<Incident> findActiveFor(String userId, String chatId) {
        return jdbc.sql("select " + COLUMNS + """
                 from incident i where status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED') and (chat_id = ?
                   or exists (select 1 from incident_reporter r where r.incident_id = i.id
                              and (r.user_id = ? or r.chat_id = ?)))
                 order by id desc""")
                .params(chatId, userId, chatId).query(IncidentRepository::map).list();
    }

    public List<Incident> findOpenedBetween(Instant from, Instant to) {
        return jdbc.sql("select " + COLUMNS + " from incident where opened_at >= ? and opened_at < ? order by id")
                .params(ts(from), ts(to)).query(IncidentRepository::map).list();
    }

    /** Adds a reporter once per person and chat; true when new. */
    public boolean addReporter(long number, Reporter r) {
        return jdbc.sql("""
                insert into incident_reporter (incident_id, user_id, chat_id, reported_at, text_masked)
                select ?, ?, ?, ?, ? where not exists (
                    select 1 from incident_reporter where incident_id = ? and user_id = ? and chat_id = ?)""")
                .params(number, r.userId(), r.chatId(), ts(r.reportedAt()), cut(r.textMasked(), 500),
                        number, r.userId(), r.chatId())
                .update() > 0;
    }

    public List<Reporter> reporters(long number) {
        return jdbc.sql("""
                select user_id, chat_id, reported_at, text_masked from incident_reporter
                where incident_id = ? order by reported_at, user_id""")
                .param(number)
                .query((rs, n) -> new Reporter(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getString(4)))
                .list();
    }

    public void addEvent(IncidentEvent e) {
        jdbc.sql("insert into incident_event (incident_id, at, kind, actor, note) values (?, ?, ?, ?, ?)")
                .params(e.incidentNumber(), ts(e.at()), e.kind(), e.actor(), cut(e.note(), 2000)).update();
        audit.record(AuditEntry.change(e.actor(), "incident." + e.kind().toLowerCase(Locale.ROOT),
                "故障单 #" + e.incidentNumber(), null, e.note()));
    }

    public List<IncidentEvent> events(long number) {
        return jdbc.sql("select incident_id, at, kind, actor, note from incident_event where incident_id = ? order by id")
                .param(number)
                .query((rs, n) -> new IncidentEvent(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    /** Changes status only from one of the expected states; false when someone else moved it first. */
    public boolean acknowledge(long number, Instant at, String by) {
        return jdbc.sql("""
                update incident set status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?
                where id = ? and status = 'OPEN'""").params(ts(at), by, number).update() > 0;
    }

    public boolean requireOnsite(long number, Instant at, Instant deadline) {
        return jdbc.sql("""
                update incident set onsite_required_at = ?, onsite_deadline = ?
                where id = ? and status in ('OPEN', 'ACKNOWLEDGED') and onsite_required_at is null""")
                .params(ts(at), ts(deadline), number).update() > 0;
    }

    public boolean markOnsite(long number, Instant at, String by) {
        return jdbc.sql("""
                update incident set onsite_at = ?, onsite_by = ?
                where id = ? and status in ('OPEN', 'ACKNOWLEDGED') and onsite_at is null""")
                .params(ts(at), by, number).update() > 0;
    }

    public boolean resolve(long number, Instant at, String by, String cause) {
        return jdbc.sql("""
                update incident set status = 'RESOLVED', resolved_at = ?, resolved_by = ?, cause = ?
                where id = ? and status in ('OPEN', 'ACKNOWLEDGED')""")
                .params(ts(at), by, cut(cause, 500), number).update() > 0;
    }

    public boolean reopen(long number) {
        return jdbc.sql("""
                update incident set status = 'ACKNOWLEDGED', resolved_at = null, resolved_by = null
                where id = ? and status = 'RESOLVED'""").param(number).update() > 0;
    }

    public boolean close(long number, Instant at, String by) {
        return jdbc.sql("""
                update incident set status = 'CLOSED', closed_at = ?, closed_by = ?
                where id = ? and status <> 'CLOSED'""").params(ts(at), by, number).update() > 0;
    }

    /** Withdraws an open incident: closed as "not a fault"; false when it is no longer open. */
    public boolean withdraw(long number, Instant at, String by) {
        return jdbc.sql("""
                update incident set status = 'WITHDRAWN', closed_at = ?, closed_by = ?
                where id = ? and status in ('OPEN', 'ACKNOWLEDGED')""").params(ts(at), by, number).update() > 0;
    }

    public void changeLevel(long number, Severity severity, Instant resolutionDeadline, Instant loanerDeadline) {
        jdbc.sql("update incident set severity = ?, resolution_deadline = ?, loaner_deadline = ? where id = ?")
                .params(severity.name(), ts(resolutionDeadline), ts(loanerDeadline), number).update();
    }

    public void markServiceStopped(long number, Instant loanerDeadline) {
        jdbc.sql("update incident set service_stopped = true, loaner_deadline = ? where id = ?")
                .params(ts(loanerDeadline), number).update();
    }

    /** How long a claim protects a notice being sent; an older unsent claim was left by a crash. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(5);

    /**
     * Claims a notice; true when this caller should send it: a new claim, or taking over a claim
     * left unsent for longer than {@link #CLAIM_LEASE} (its sender crashed). A claim being sent
     * right now by another job or instance is never taken, so a notice goes out once.
     */
    public boolean claimNotice(String key, long number, Instant at) {
        try {
            int inserted = jdbc.sql("""
                    insert into incident_notice (notice_key, incident_id, claimed_at)
                    select ?, ?, ? where not exists (select 1 from incident_notice where notice_key = ?)""")
                    .params(key, number, ts(at), key).update();
            if (inserted > 0) {
                return true;
            }
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false; // a concurrent claim won the insert
        }
        return jdbc.sql("""
                update incident_notice set claimed_at = ?
                where notice_key = ? and sent_at is null and claimed_at < ?""")
                .params(ts(at), key, ts(at.minus(CLAIM_LEASE))).update() == 1;
    }

    public void markNoticeSent(String key, Instant at) {
        jdbc.sql("update incident_notice set sent_at = ? where notice_key = ?").params(ts(at), key).update();
    }

    public List<String> sentNotices(long number) {
        return jdbc.sql("select notice_key from incident_notice where incident_id = ? and sent_at is not null order by claimed_at, notice_key")
                .param(number).query(String.class).list();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(ResultSet rs, int col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static Incident map(ResultSet rs, int n) throws SQLException {
        return new Incident(rs.getLong("id"), Severity.valueOf(rs.getString("severity")),
                Area.valueOf(rs.getString("area")), IncidentStatus.valueOf(rs.getString("status")),
                Incident.Source.valueOf(rs.getString("source")), rs.getString("summary"), rs.getString("chat_id"),
                rs.getString("opened_by"), instant(rs, 9), rs.getBoolean("service_stopped"),
                instant(rs, 11), instant(rs, 12), rs.getString("acknowledged_by"), instant(rs, 14),
                rs.getString("onsite_by"), instant(rs, 16), rs.getString("resolved_by"), rs.getString("cause"),
                instant(rs, 19), rs.getString("closed_by"), instant(rs, 21), instant(rs, 22), instant(rs, 23),
                instant(rs, 24));
    }
}
