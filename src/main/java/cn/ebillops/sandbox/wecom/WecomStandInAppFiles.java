package cn.ebillops.sandbox.wecom;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The self-built app's files at the stand-in: media uploaded with {@code /cgi-bin/media/upload}
 * (type file, 5 bytes to 20 MB as WeCom takes them) kept by media_id, and the files each user
 * received through {@code message/send} (msgtype file), bytes included, for tests to compare.
 */
@Component
@ConditionalOnProperty(name = "ebillops.sandbox.enabled", havingValue = "true")
public class WecomStandInAppFiles {

    static final int MIN_BYTES = 5;
    static final int MAX_BYTES = 20 * 1024 * 1024;
    /** WeCom's errcodes: invalid media size, invalid media_id. */
    static final int INVALID_SIZE = 40006;
    static final int INVALID_MEDIA_ID = 40007;

    /** A file a user received: its name as uploaded and its bytes. */
    public record ReceivedFile(String userId, String fileName, byte[] content) {
    }

    /** The answer to an upload: errcode 0 and a media id, or WeCom's refusal. */
    record Upload(int errcode, String mediaId) {
    }

    private record Media(String fileName, byte[] content) {
    }

    private final WecomStandIn standIn;
    private final Clock clock;
    private final Map<String, Media> media = new HashMap<>();
    private final List<ReceivedFile> received = new ArrayList<>();
    private int uploads;

    public WecomStandInAppFiles(WecomStandIn standIn, Clock clock) {
        this.standIn = standIn;
        this.clock = clock;
    }

    synchronized Upload upload(String type, String fileName, byte[] content) {
        uploads++;
        if (!"file".equals(type) || content.length < MIN_BYTES || content.length > MAX_BYTES) {
            return new Upload(INVALID_SIZE, null);
        }
        String id = "sandbox-media-" + UUID.randomUUID();
        media.put(id, new Media(fileName, content.clone()));
        return new Upload(0, id);
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    /** message/send with msgtype file: 0 and recorded for the user, or 40007 for an unknown media id. */
    synchronized int deliver(String userId, String mediaId) {
        Media m = mediaId == null ? null : media.get(mediaId);
        if (m == null) {
            return INVALID_MEDIA_ID;
        }
        received.add(new ReceivedFile(userId, m.fileName(), m.content().clone()));
        standIn.record(userId, "app", "[文件] " + m.fileName());
        return 0;
    }

    public synchronized List<ReceivedFile> received(String userId) {
        return received.stream().filter(f -> f.userId().equals(userId)).toList();
    }

    public synchronized int uploads() {
        return uploads;
    }
}
