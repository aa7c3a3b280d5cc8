package cn.ebillops.wecom;

import cn.ebillops.channel.InboundMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Acknowledged WeCom messages not answered yet (table wecom_inbox); see V41__wecom_inbox.sql. */
@Repository
class WecomInbox {

    /**
     * A pending message and the claim that guards it against a second instance; {@code reply} is the
     * answer computed before the instance stopped (null when it stopped before answering).
     */
    public record Pending(long id, InboundMessage message, Instant claimedAt, int attempts, String reply,
                          String replyUrl) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public WecomInbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps the message, claimed by the caller; empty when the same message is already pending (a WeCom retry). */
    public Optional<Long> accept(InboundMessage m) {
        return accept(m, null);
    }

    /** As {@link #accept(InboundMessage)}, with the message's one-use reply URL (AI bot callback), if any. */
    public Optional<Long> accept(InboundMessage m, String replyUrl) {
        Timestamp now = ts(clock.instant());
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into wecom_inbox (channel, message_id, chat_id, user_id, body, received_at, claimed_at,
                                             reply_url)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(m.channel(), m.messageId(), m.chatId(), m.userId(), m.text(), ts(m.receivedAt()), now,
                            replyUrl == null || replyUrl.isBlank() ? null : replyUrl)
                    .update(keys, "id");
            return Optional.of(keys.getKey().longValue());
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    /**
     * The answer is about to go out: kept so that a restart before {@link #done} re-sends this answer
     * rather than computing a second one (the first may have joined a report to an incident).
     */
    public void answered(long id, String reply) {
        jdbc.sql("update wecom_inbox set reply = ? where id = ?").params(reply, id).update();
    }

    /** The answer went out (or the message needed none): the text is deleted with the row. */
    public void done(long id) {
        jdbc.sql("delete from wecom_inbox where id = ?").param(id).update();
    }

    /** Messages whose claim is older than {@code before}: the instance that took them stopped. */
    public List<Pending> stale(Instant before, int limit) {
        return jdbc.sql("""
                select id, channel, message_id, chat_id, user_id, body, received_at, claimed_at, attempts, reply,
                       reply_url
                from wecom_inbox where claimed_at < ? order by id limit ?""")
                .params(ts(before), limit)
                .query((rs, i) -> new Pending(rs.getLong(1),
                        new InboundMessage(rs.getString(2), rs.getString(4), rs.getString(5), rs.getString(6),
                                rs.getString(3), rs.getTimestamp(7).toInstant()),
                        rs.getTimestamp(8).toInstant(), rs.getInt(9), rs.getString(10), rs.getString(11)))
                .list();
    }

    /** Takes over a stale message; false when another instance took it first. */
    public boolean claim(Pending p) {
        return jdbc.sql("update wecom_inbox set claimed_at = ?, attempts = attempts + 1 where id = ? and claimed_at = ?")
                .params(ts(clock.instant()), p.id(), ts(p.claimedAt())).update() == 1;
    }

    public long count() {
        return jdbc.sql("select count(*) from wecom_inbox").query(Long.class).single();
    }

    private static Timestamp ts(Instant instant) {
        return RobotOutbox.ts(instant);
    }
}
