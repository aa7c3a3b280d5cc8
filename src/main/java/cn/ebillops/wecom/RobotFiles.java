package cn.ebillops.wecom;

import cn.ebillops.channel.Attachment;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Files in the group robot's outbox (wecom_robot_outbox rows with a file_name, V51): queued behind the
 * notice that links to them, so they go out after it, each alone and exactly once like any notice; the
 * bytes are read only when the file is sent, never with the queue.
 */
@Repository
class RobotFiles {

    private final JdbcClient jdbc;
    private final Clock clock;

    RobotFiles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Queues a file; false when a file with the same dedup key was queued before. */
    boolean add(String chatId, Attachment file, String dedupKey) {
        Timestamp now = RobotOutbox.ts(clock.instant());
        try {
            jdbc.sql("""
                    insert into wecom_robot_outbox (chat_id, dedup_key, body, status, next_attempt_at, created_at,
                      queued_at, file_name, file_content)
                    values (?, ?, ?, 'PENDING', ?, ?, ?, ?, ?)""")
                    .params(chatId, dedupKey, file.fileName(), now, now, now, file.fileName(), file.content()).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The file of a row not sent yet. */
    Optional<Attachment> file(RobotOutbox.Row row) {
        return jdbc.sql("select file_content from wecom_robot_outbox where id = ? and file_content is not null")
                .param(row.id()).query((rs, i) -> rs.getBytes(1)).optional()
                .map(bytes -> new Attachment(row.fileName(), bytes));
    }

    /** The rows before the first file: a summary may merge those, never a file or what was queued after it. */
    static List<RobotOutbox.Row> beforeFirstFile(List<RobotOutbox.Row> due) {
        for (int i = 0; i < due.size(); i++) {
            if (due.get(i).isFile()) {
                return due.subList(0, i);
            }
        }
        return due;
    }
}
