package cn.ebillops.wecom;

import cn.ebillops.channel.Reply;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The AI bot callback's route back: one markdown POST to the message's response_url. */
@Component
class AibotReplies {

    static final int RESPONSE_URL_MAX_BYTES = 20480;

    private final WecomHttp http;

    AibotReplies(WecomHttp http) {
        this.http = http;
    }

    /** The reply route of one callback message. */
    ReplyRoute to(String responseUrl) {
        return replies -> viaResponseUrl(responseUrl, replies);
    }

    /**
     * The response_url works once, so several replies go out joined in one message of at most
     * 20480 bytes. Returns what did not fit (empty when all did), for the caller to send another way;
     * {@link WecomApiException} when WeCom refuses the URL (used up or expired).
     */
    String viaResponseUrl(String responseUrl, List<Reply> replies) {
        if (responseUrl == null || responseUrl.isBlank()) {
            throw new IllegalArgumentException("message has no response_url");
        }
        String all = ReplyRoute.markdown(replies);
        String content = MarkdownSplitter.split(all, RESPONSE_URL_MAX_BYTES).get(0);
        JsonNode r = http.post(responseUrl, Map.of("msgtype", "markdown", "markdown", Map.of("content", content)));
        int code = r.path("errcode").asInt(0);
        if (code != 0) {
            throw new WecomApiException(code, "response_url: " + r.path("errmsg").asString(""));
        }
        return all.substring(content.length());
    }
}
