package cn.ebillops.wecom;

import cn.ebillops.channel.Attachment;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * A file into a chat on the AI bot's long connection, as the official client sends it
 * ({@code uploadMedia}, then {@code sendMediaMessage}): aibot_upload_media_init (type, filename, total_size,
 * total_chunks, md5) answers an upload_id; aibot_upload_media_chunk × N (at most 512 KB before base64 each,
 * at most 100); aibot_upload_media_finish answers the media_id; then aibot_send_msg with {@code msgtype: file}.
 * Each frame waits for its ack ({@link AibotAcks}) before the next; the chunks go one at a time, which WeCom
 * never refuses as too many at once.
 */
@Component
class AibotMediaUpload {

    static final int CHUNK_BYTES = 512 * 1024;
    static final int MAX_CHUNKS = 100;
    static final String ROUTE = "智能机器人长连接";

    private final AibotSocket socket;
    private final AibotAcks acks;
    private final ObjectMapper mapper;

    AibotMediaUpload(AibotSocket socket, AibotAcks acks, ObjectMapper mapper) {
        this.socket = socket;
        this.acks = acks;
        this.mapper = mapper;
    }

    /**
     * Uploads the file and posts it into the chat. False: this instance holds no subscribed connection;
     * {@link AibotAcks.Refused}: WeCom refused a frame (its errcode) or did not ack it.
     */
    boolean send(String chatId, Attachment file) {
        Optional<Consumer<String>> connection = socket.sender();
        if (connection.isEmpty()) {
            return false;
        }
        String mediaId = upload(connection.get(), file);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("chatid", chatId);
        message.put("msgtype", "file");
        message.put("file", Map.of("media_id", mediaId));
        request(connection.get(), "aibot_send_msg", message);
        return true;
    }

    private String upload(Consumer<String> connection, Attachment file) {
        byte[] bytes = file.content();
        int chunks = (bytes.length + CHUNK_BYTES - 1) / CHUNK_BYTES;
        if (chunks > MAX_CHUNKS) {
            throw new IllegalArgumentException("file of " + bytes.length + " bytes needs more than " + MAX_CHUNKS + " chunks");
        }
        Map<String, Object> init = new LinkedHashMap<>();
        init.put("type", "file");
        init.put("filename", file.fileName());
        init.put("total_size", bytes.length);
        init.put("total_chunks", chunks);
        init.put("md5", md5(bytes));
        String uploadId = request(connection, "aibot_upload_media_init", init).body().path("upload_id").asString("");
        if (uploadId.isEmpty()) {
            throw new IllegalStateException("aibot_upload_media_init answered no upload_id");
        }
        for (int i = 0; i < chunks; i++) {
            int from = i * CHUNK_BYTES;
            int to = Math.min(from + CHUNK_BYTES, bytes.length);
            Map<String, Object> chunk = new LinkedHashMap<>();
            chunk.put("upload_id", uploadId);
            chunk.put("chunk_index", i);
            chunk.put("base64_data", Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, from, to)));
            request(connection, "aibot_upload_media_chunk", chunk);
        }
        String mediaId = request(connection, "aibot_upload_media_finish", Map.of("upload_id", uploadId)).body()
                .path("media_id").asString("");
        if (mediaId.isEmpty()) {
            throw new IllegalStateException("aibot_upload_media_finish answered no media_id");
        }
        return mediaId;
    }

    private AibotProtocol.Frame request(Consumer<String> connection, String cmd, Map<String, Object> body) {
        String reqId = AibotProtocol.newReqId();
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("cmd", cmd);
        frame.put("headers", Map.of("req_id", reqId));
        frame.put("body", body);
        String text = mapper.writeValueAsString(frame);
        return acks.request(reqId, () -> connection.accept(text));
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 missing from the JDK", e);
        }
    }
}
