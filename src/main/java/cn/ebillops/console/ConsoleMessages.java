package cn.ebillops.console;

import cn.ebillops.channel.OutboundMessage.Button;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The console's lines in table console_message (V60): a group's lines by chat_id, a person's direct
 * messages by to_user. Text arrives here already masked.
 */
@Repository
class ConsoleMessages {

    /** Which lines a query reads: one group's or one person's direct messages. */
    enum Scope {
        CHAT("chat_id"), DIRECT("to_user");

        private final String column;

        Scope(String column) {
            this.column = column;
        }
    }

    private static final String COLUMNS =
            "id, chat_id, to_user, sender_id, sender_name, text_masked, buttons, card_result, created_at";

    private final JdbcClient jdbc;

    ConsoleMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The new line's id, or empty when a line with the same dedup key was stored before. */
    Optional<Long> insert(String chatId, String toUser, String from, String fromName, String textMasked,
                          List<Button> buttons, String dedupKey, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into console_message (chat_id, to_user, sender_id, sender_name, text_masked, buttons,
                                                 dedup_key, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(chatId, toUser, from, fromName, textMasked, encode(buttons), fitted(dedupKey),
                            OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                    .update(key, "id");
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        return Optional.of(key.getKeyAs(Number.class).longValue());
    }

    /** A key longer than its column (500) by its SHA-256: still one per notice, and the insert does not fail. */
    static String fitted(String dedupKey) {
        if (dedupKey == null || dedupKey.length() <= 500) {
            return dedupKey;
        }
        try {
            return "sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(dedupKey.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Lines after {@code afterId} in order; with {@code afterId} 0, the latest {@code limit} (the page opening). */
    List<ConsoleTranscript.Line> lines(Scope scope, String owner, long afterId, int limit) {
        if (afterId <= 0) {
            List<ConsoleTranscript.Line> latest = new ArrayList<>(jdbc.sql("select " + COLUMNS
                            + " from console_message where " + scope.column + " = ? order by id desc limit ?")
                    .params(owner, limit).query(ConsoleMessages::line).list());
            Collections.reverse(latest);
            return latest;
        }
        return jdbc.sql("select " + COLUMNS + " from console_message where " + scope.column
                        + " = ? and id > ? order by id limit ?")
                .params(owner, afterId, limit).query(ConsoleMessages::line).list();
    }

    Optional<ConsoleTranscript.Line> direct(long id, String userId) {
        return jdbc.sql("select " + COLUMNS + " from console_message where id = ? and to_user = ?")
                .params(id, userId).query(ConsoleMessages::line).optional();
    }

    void cardResult(long id, String result) {
        jdbc.sql("update console_message set card_result = ? where id = ?").params(result, id).update();
    }

    /** Keeps the newest {@code keep} lines of one chat or person. */
    void trim(Scope scope, String owner, int keep) {
        jdbc.sql("delete from console_message where " + scope.column + " = ? and id <= (select id from console_message"
                        + " where " + scope.column + " = ? order by id desc limit 1 offset ?)")
                .params(owner, owner, keep).update();
    }

    int deleteBefore(Instant cutoff) {
        return jdbc.sql("delete from console_message where created_at < ?")
                .param(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)).update();
    }

    private static ConsoleTranscript.Line line(ResultSet rs, int row) throws SQLException {
        return new ConsoleTranscript.Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getObject(9, OffsetDateTime.class).toInstant().toEpochMilli(),
                decode(rs.getString(7)), rs.getString(8));
    }

    /** One "key TAB label" line per button: keys and labels are ours (incident:ACK:12, 接单), never user text. */
    static String encode(List<Button> buttons) {
        if (buttons.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        buttons.forEach(b -> sb.append(b.key().replaceAll("[\t\n]", " ")).append('\t')
                .append(b.label().replaceAll("[\t\n]", " ")).append('\n'));
        return sb.toString();
    }

    static List<Button> decode(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return stored.lines().filter(l -> l.indexOf('\t') > 0)
                .map(l -> new Button(l.substring(l.indexOf('\t') + 1), l.substring(0, l.indexOf('\t')))).toList();
    }
}
