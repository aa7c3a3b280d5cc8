package cn.ebillops.wecom;

import cn.ebillops.infra.RetryPolicy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The self-built app's API: an access token cached until shortly before it expires (refreshed
 * once when WeCom says it is invalid), and {@code message/send} for direct messages and cards,
 * retried by the {@link RetryPolicy} while WeCom is busy or unreachable.
 */
@Component
class WecomAppClient {

    private static final Logger log = LoggerFactory.getLogger(WecomAppClient.class);
    static final Set<Integer> TOKEN_ERRORS = Set.of(40001, 40014, 42001);
    static final int APP_MARKDOWN_MAX_BYTES = 2048;

    private record Token(String value, Instant refreshAt) {
    }

    private final WecomProperties props;
    private final WecomEndpoints endpoints;
    private final WecomHttp http;
    private final Clock clock;
    private final RetryPolicy retry;
    private final WecomFiles files;
    private Token token;
    private int tokenFetches;

    public WecomAppClient(WecomProperties props, WecomEndpoints endpoints, WecomHttp http, Clock clock,
                          RetryPolicy retry, WecomFiles files) {
        this.props = props;
        this.endpoints = endpoints;
        this.http = http;
        this.clock = clock;
        this.retry = retry;
        this.files = files;
    }

    public boolean enabled() {
        return props.app().sendEnabled();
    }

    /** A direct markdown message, split at the app's 2048-byte limit. */
    public void sendMarkdown(String userId, String markdown) {
        for (String part : MarkdownSplitter.split(markdown, APP_MARKDOWN_MAX_BYTES)) {
            Map<String, Object> msg = base(userId, "markdown");
            msg.put("markdown", Map.of("content", part));
            send(msg);
        }
    }

    /** One button of a template card: {@code key} comes back as the click event's EventKey. */
    public record CardButton(String text, String key, int style) {
    }

    /** A button_interaction template card (e.g. 接单 / 已到场 / 已解决 on an incident). */
    public void sendButtonCard(String userId, String taskId, String title, String description,
                               List<CardButton> buttons) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("card_type", "button_interaction");
        card.put("main_title", Map.of("title", title, "desc", description));
        card.put("task_id", taskId);
        card.put("button_list", buttons.stream()
                .map(b -> Map.of("text", b.text(), "style", b.style(), "key", b.key())).toList());
        Map<String, Object> msg = base(userId, "template_card");
        msg.put("template_card", card);
        send(msg);
    }

    /**
     * A file as a direct message: media/upload ({@code type=file}, 5 B to 20 MB), then message/send with
     * {@code msgtype: file}. {@link WecomApiException} with WeCom's errcode when either is refused.
     */
    public void sendFile(String userId, String fileName, byte[] content) {
        if (!enabled()) {
            throw new IllegalStateException("自建应用未配置（wecom.app.corp-id / agent-id / secret）");
        }
        String mediaId = files.upload(endpoints.api("/cgi-bin/media/upload?access_token=" + token(false) + "&type=file"),
                new cn.ebillops.channel.Attachment(fileName, content));
        Map<String, Object> msg = base(userId, "file");
        msg.put("file", Map.of("media_id", mediaId));
        send(msg);
    }

    /** WeCom's own duplicate check window for app messages (at most 4 hours). */
    static final java.time.Duration DUPLICATE_CHECK = java.time.Duration.ofMinutes(30);

    private Map<String, Object> base(String userId, String msgType) {
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("touser", userId);
        msg.put("msgtype", msgType);
        msg.put("agentid", Long.parseLong(props.app().agentId().trim()));
        // WeCom drops the same message to the same person within the interval: a resend after a crash
        // (the first send may have gone through) reaches the engineer once
        msg.put("enable_duplicate_check", 1);
        msg.put("duplicate_check_interval", DUPLICATE_CHECK.toSeconds());
        return msg;
    }

    void send(Map<String, Object> message) {
        if (!enabled()) {
            throw new IllegalStateException("自建应用未配置（wecom.app.corp-id / agent-id / secret）");
        }
        AtomicBoolean refreshed = new AtomicBoolean();
        retry.run(() -> sendOnce(message, refreshed));
    }

    /** One attempt; a token WeCom calls invalid is refreshed and the send repeated at once, once per message. */
    private void sendOnce(Map<String, Object> message, AtomicBoolean refreshed) {
        JsonNode r = post(message);
        int code = r.path("errcode").asInt(-1);
        if (TOKEN_ERRORS.contains(code) && refreshed.compareAndSet(false, true)) {
            invalidateToken();
            r = post(message);
            code = r.path("errcode").asInt(-1);
        }
        if (code == 0) {
            return;
        }
        if (code == 60020) {
            log.error("企业微信拒绝了本服务器的 IP（60020）：请管理员在应用的“企业可信 IP”中加入本机出口 IP");
        }
        throw new WecomApiException(code, r.path("errmsg").asString(""));
    }

    private JsonNode post(Map<String, Object> message) {
        return http.post(endpoints.api("/cgi-bin/message/send?access_token=" + token(false)), message);
    }

    synchronized String token(boolean force) {
        Instant now = clock.instant();
        if (!force && token != null && now.isBefore(token.refreshAt())) {
            return token.value();
        }
        var app = props.app();
        JsonNode r = http.get(endpoints.api("/cgi-bin/gettoken?corpid=" + enc(app.corpId())
                + "&corpsecret=" + enc(app.secret())));
        int code = r.path("errcode").asInt(-1);
        if (code != 0) {
            throw new WecomApiException(code, "gettoken: " + r.path("errmsg").asString(""));
        }
        long expiresIn = r.path("expires_in").asLong(7200);
        // Refresh five minutes early so a send never carries a token that expires in flight.
        token = new Token(r.path("access_token").asString(), now.plusSeconds(Math.max(60, expiresIn - 300)));
        tokenFetches++;
        return token.value();
    }

    synchronized void invalidateToken() {
        token = null;
    }

    synchronized int tokenFetches() {
        return tokenFetches;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
