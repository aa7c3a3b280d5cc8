package cn.ebillops.wecom;

import cn.ebillops.channel.Attachment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Files into WeCom, the rules every route shares: WeCom takes a temporary file of 5 bytes to 20 MB
 * (group robot upload_media, the app's media/upload, the AI bot's chunked upload all keep it to that),
 * and a refused or oversized file leaves the chat the link its text carries, with a WARN that says so.
 * The two HTTP uploads are one multipart POST (field {@code media}, file name in Content-Disposition).
 */
@Component
class WecomFiles {

    private static final Logger log = LoggerFactory.getLogger(WecomFiles.class);
    static final int MIN_BYTES = 5;
    static final int MAX_BYTES = 20 * 1024 * 1024;
    /** 20 MB over a slow hospital uplink: far above the 10 s of a JSON call. */
    static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(120);

    private final WecomHttp http;

    WecomFiles(WecomHttp http) {
        this.http = http;
    }

    /** Whether WeCom takes this file; if not, a WARN that the chat gets the link only. */
    static boolean sendable(Attachment file, String chat, String route) {
        if (file.size() >= MIN_BYTES && file.size() <= MAX_BYTES) {
            return true;
        }
        log.warn("报告文件 {}（{} 字节）不在企业微信文件 {}–{} 字节的范围内，未经{}发送到 {}，群里只有报告链接", file.fileName(),
                file.size(), MIN_BYTES, MAX_BYTES, route, chat);
        return false;
    }

    /** A WARN for a file WeCom did not take: the errcode and why; the link in the text is what the chat has. */
    static void notSent(Attachment file, String chat, String route, int errcode, String reason) {
        log.warn("报告文件 {} 未能经{}发送到 {}：errcode {}（{}），群里只有报告链接", file.fileName(), route, chat, errcode, reason);
    }

    /** Uploads and returns the media_id; {@link WecomApiException} with WeCom's errcode (or -1 not reached). */
    String upload(String url, Attachment file) {
        String boundary = "----ebillops" + UUID.randomUUID().toString().replace("-", "");
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\""
                + file.fileName().replace("\"", "") + "\"; filelength=" + file.size()
                + "\r\nContent-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(UPLOAD_TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head.getBytes(StandardCharsets.UTF_8),
                        file.content(), tail.getBytes(StandardCharsets.UTF_8)))).build();
        JsonNode r;
        try {
            HttpResponse<String> response = http.client().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new WecomApiException(-1, "HTTP " + response.statusCode());
            }
            r = http.mapper().readTree(response.body());
        } catch (IOException | JacksonException e) {
            throw new WecomApiException(-1, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WecomApiException(-1, "interrupted");
        }
        int code = r.path("errcode").asInt(-1);
        String mediaId = r.path("media_id").asString("");
        if (code != 0 || mediaId.isEmpty()) {
            throw new WecomApiException(code == 0 ? -1 : code, "upload: " + r.path("errmsg").asString("no media_id"));
        }
        return mediaId;
    }
}
