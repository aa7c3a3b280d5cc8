package cn.ebillops.wecom;

import cn.ebillops.channel.Attachment;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Sends one file row of the outbox through the group robot, as WeCom documents it: upload_media
 * ({@code type=file}, answers a media_id valid for three days), then webhook/send with
 * {@code msgtype: file}. {@link RobotDispatcher} retries or gives up on the answer as for a notice.
 */
@Component
class RobotFileSender {

    static final String ROUTE = "群机器人";
    /** The file's bytes are gone (cleared after a send): nothing left to try. */
    static final int NO_CONTENT = -2;

    private final RobotFiles files;
    private final WecomFiles upload;
    private final WecomHttp http;

    RobotFileSender(RobotFiles files, WecomFiles upload, WecomHttp http) {
        this.files = files;
        this.upload = upload;
        this.http = http;
    }

    /** Null when WeCom took the file; else its refusal, errcode -1 when it was not reached. */
    WecomApiException send(String webhookUrl, RobotOutbox.Row row) {
        Optional<Attachment> file = files.file(row);
        if (file.isEmpty()) {
            return new WecomApiException(NO_CONTENT, "file content missing");
        }
        try {
            String mediaId = upload.upload(uploadUrl(webhookUrl), file.get());
            JsonNode r = http.post(webhookUrl, Map.of("msgtype", "file", "file", Map.of("media_id", mediaId)));
            int code = r.path("errcode").asInt(-1);
            if (code != 0) {
                throw new WecomApiException(code, r.path("errmsg").asString(""));
            }
            return null;
        } catch (WecomApiException e) {
            if (!e.isTransient()) {
                WecomFiles.notSent(file.get(), row.chatId(), ROUTE, e.errcode(), e.getMessage());
            }
            return e;
        }
    }

    /** https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K → …/cgi-bin/webhook/upload_media?key=K&type=file. */
    static String uploadUrl(String webhookUrl) {
        if (!webhookUrl.contains("/webhook/send?")) {
            throw new WecomApiException(NO_CONTENT, "webhook URL has no /webhook/send?key=");
        }
        return webhookUrl.replace("/webhook/send?", "/webhook/upload_media?") + "&type=file";
    }
}
