package cn.ebillops.sandbox.wecom;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Files in the WeCom stand-in, checked as WeCom checks them: temporary media (5 B to 20 MB, valid 3 days)
 * from the group robot's upload_media, the app's media/upload and the AI bot's chunked upload (init with
 * total_size, total_chunks and md5; chunks of at most 512 KB before base64, at most 100, each index once;
 * finish checks that all arrived and that size and md5 match), and file messages by media_id. Answers in
 * the shapes the official SDK reads (upload_id, media_id in the ack's body); what arrived is kept with its
 * bytes for tests.
 */
@Component
@ConditionalOnProperty(name = "ebillops.sandbox.enabled", havingValue = "true")
public class StandInMedia {

    public static final int MIN_BYTES = 5;
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    public static final int CHUNK_BYTES = 512 * 1024;
    public static final int MAX_CHUNKS = 100;
    static final Duration MEDIA_LIFE = Duration.ofDays(3);
    static final int BAD_SIZE = 40006;
    static final int BAD_MEDIA_ID = 40007;
    static final int BAD_MD5 = 40009; // stand-in's code for a chunked upload whose bytes do not match its md5

    /** A file a chat or person received; {@code route}: robot-file, aibot-file, app-file. */
    public record FileReceived(String chatId, String route, String fileName, byte[] content) {
    }

    /** One upload frame as received: cmd, and for a chunk its index and decoded size. */
    public record Frame(String cmd, int chunkIndex, int bytes) {
    }

    private record Upload(String fileName, int totalSize, int totalChunks, String md5, Map<Integer, byte[]> chunks) {
    }

    private record Media(String fileName, byte[] content, Instant expiresAt) {
    }

    private final WecomStandIn standIn;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final Map<String, Upload> uploads = new HashMap<>();
    private final Map<String, Media> media = new HashMap<>();
    private final List<FileReceived> files = new ArrayList<>();
    private final List<Frame> frames = new ArrayList<>();
    private final AtomicInteger refuseNextUpload = new AtomicInteger();
    private int httpUploads;

    public StandInMedia(WecomStandIn standIn, Clock clock, ObjectMapper mapper) {
        this.standIn = standIn;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** The next upload (any route) is refused with {@code errcode} (tests of the link fallback). */
    public void refuseNextUpload(int errcode) {
        refuseNextUpload.set(errcode);
    }

    public synchronized List<FileReceived> files(String chatId) {
        return files.stream().filter(f -> f.chatId().equals(chatId)).toList();
    }

    /** The AI bot upload frames received so far, in order. */
    public synchronized List<Frame> uploadFrames() {
        return List.copyOf(frames);
    }

    /** HTTP uploads received (robot and app), refused ones included. */
    public synchronized int httpUploads() {
        return httpUploads;
    }

    public synchronized void clear() {
        files.clear();
        frames.clear();
        uploads.clear();
    }

    // --- HTTP: webhook/upload_media and media/upload (multipart field "media") ---

    public synchronized Map<String, Object> upload(String fileName, byte[] content) {
        httpUploads++;
        int refused = refuseNextUpload.getAndSet(0);
        if (refused != 0) {
            return Map.of("errcode", refused, "errmsg", "injected upload failure");
        }
        if (content.length < MIN_BYTES || content.length > MAX_BYTES) {
            return Map.of("errcode", BAD_SIZE, "errmsg", "invalid file size");
        }
        return Map.of("errcode", 0, "errmsg", "ok", "type", "file", "media_id", store(fileName, content),
                "created_at", String.valueOf(clock.instant().getEpochSecond()));
    }

    /** webhook/send with msgtype file: counted against the robot's limit like any message. */
    public synchronized Map<String, Object> webhookFile(String key, JsonNode body) {
        Media m = media(body.path("file").path("media_id").asString(""));
        if (m == null) {
            return Map.of("errcode", BAD_MEDIA_ID, "errmsg", "invalid media_id");
        }
        int code = standIn.webhook(key, "[文件] " + m.fileName());
        if (code == 0) {
            files.add(new FileReceived(key, "robot-file", m.fileName(), m.content()));
        }
        return Map.of("errcode", code, "errmsg", code == 0 ? "ok" : "refused");
    }

    /** message/send with msgtype file to a person. */
    public synchronized Map<String, Object> appFile(String toUser, JsonNode body) {
        Media m = media(body.path("file").path("media_id").asString(""));
        if (m == null) {
            return Map.of("errcode", BAD_MEDIA_ID, "errmsg", "invalid media_id");
        }
        files.add(new FileReceived(toUser, "app-file", m.fileName(), m.content()));
        standIn.record(toUser, "app", "[文件] " + m.fileName());
        return Map.of("errcode", 0, "errmsg", "ok", "msgid", "sandbox-file");
    }

    // --- long connection: aibot_upload_media_* and aibot_send_msg with msgtype file ---

    public static boolean isFileMessage(JsonNode body) {
        return "file".equals(body.path("msgtype").asString(""));
    }

    /** The ack frame of an upload command. */
    public synchronized String answer(String cmd, String reqId, JsonNode body) {
        return switch (cmd) {
            case "aibot_upload_media_init" -> init(reqId, body);
            case "aibot_upload_media_chunk" -> chunk(reqId, body);
            default -> finish(reqId, body);
        };
    }

    /** The ack of aibot_send_msg with msgtype file. */
    public synchronized String pushFile(String reqId, JsonNode body) {
        Media m = media(body.path("file").path("media_id").asString(""));
        if (m == null) {
            return ack(reqId, BAD_MEDIA_ID, null);
        }
        files.add(new FileReceived(body.path("chatid").asString(""), "aibot-file", m.fileName(), m.content()));
        return ack(reqId, 0, null);
    }

    private String init(String reqId, JsonNode body) {
        frames.add(new Frame("aibot_upload_media_init", -1, 0));
        int refused = refuseNextUpload.getAndSet(0);
        if (refused != 0) {
            return ack(reqId, refused, null);
        }
        int size = body.path("total_size").asInt(-1);
        int chunks = body.path("total_chunks").asInt(-1);
        if (size < MIN_BYTES || size > MAX_BYTES || chunks < 1 || chunks > MAX_CHUNKS
                || chunks != (size + CHUNK_BYTES - 1) / CHUNK_BYTES || body.path("md5").asString("").length() != 32
                || body.path("filename").asString("").isEmpty()) {
            return ack(reqId, BAD_SIZE, null);
        }
        String id = "upload-" + UUID.randomUUID();
        uploads.put(id, new Upload(body.path("filename").asString(), size, chunks, body.path("md5").asString(),
                new TreeMap<>()));
        return ack(reqId, 0, Map.of("upload_id", id));
    }

    private String chunk(String reqId, JsonNode body) {
        Upload u = uploads.get(body.path("upload_id").asString(""));
        int index = body.path("chunk_index").asInt(-1);
        byte[] data = Base64.getDecoder().decode(body.path("base64_data").asString(""));
        frames.add(new Frame("aibot_upload_media_chunk", index, data.length));
        if (u == null || index < 0 || index >= u.totalChunks() || data.length > CHUNK_BYTES || data.length == 0) {
            return ack(reqId, BAD_SIZE, null);
        }
        u.chunks().put(index, data);
        return ack(reqId, 0, null);
    }

    private String finish(String reqId, JsonNode body) {
        frames.add(new Frame("aibot_upload_media_finish", -1, 0));
        Upload u = uploads.remove(body.path("upload_id").asString(""));
        if (u == null || u.chunks().size() != u.totalChunks()) {
            return ack(reqId, BAD_SIZE, null);
        }
        byte[] all = new byte[u.chunks().values().stream().mapToInt(c -> c.length).sum()];
        int at = 0;
        for (byte[] c : u.chunks().values()) {
            System.arraycopy(c, 0, all, at, c.length);
            at += c.length;
        }
        if (all.length != u.totalSize() || !md5(all).equals(u.md5())) {
            return ack(reqId, BAD_MD5, null);
        }
        return ack(reqId, 0, Map.of("type", "file", "media_id", store(u.fileName(), all),
                "created_at", String.valueOf(clock.instant().getEpochSecond())));
    }

    private String store(String fileName, byte[] content) {
        String id = "media-" + UUID.randomUUID();
        media.put(id, new Media(fileName, content, clock.instant().plus(MEDIA_LIFE)));
        return id;
    }

    private Media media(String id) {
        Media m = media.get(id);
        return m == null || !clock.instant().isBefore(m.expiresAt()) ? null : m;
    }

    private String ack(String reqId, int errcode, Map<String, Object> body) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("headers", Map.of("req_id", reqId));
        f.put("errcode", errcode);
        f.put("errmsg", errcode == 0 ? "ok" : "refused");
        if (body != null) {
            f.put("body", body);
        }
        return mapper.writeValueAsString(f);
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
