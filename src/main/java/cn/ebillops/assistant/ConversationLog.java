package cn.ebillops.assistant;

import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores every message in and out, with patient data masked before it is written. */
@Repository
public class ConversationLog {

    public enum Direction { IN, OUT }

    public record Entry(long id, String channel, String chatId, String userId, Direction direction, String text) {
    }

    private final JdbcClient jdbc;
    private final PiiMasker masker;
    private final Clock clock;

    public ConversationLog(JdbcClient jdbc, PiiMasker masker, Clock clock) {
        this.jdbc = jdbc;
        this.masker = masker;
        this.clock = clock;
    }

    public void record(String channel, String chatId, String userId, Direction direction, String text) {
        jdbc.sql("""
                insert into conversation_log (channel, chat_id, user_id, direction, text_masked, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(channel, chatId, userId, direction.name(), masker.mask(text),
                        java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    public List<Entry> recent(String chatId, int limit) {
        return jdbc.sql("""
                select id, channel, chat_id, user_id, direction, text_masked from conversation_log
                where chat_id = ? order by id desc limit ?""")
                .params(chatId, limit)
                .query((rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Direction.valueOf(rs.getString(5)), rs.getString(6)))
                .list();
    }
}
