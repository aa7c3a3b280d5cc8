package cn.ebillops.wecom;

import cn.ebillops.infra.KeyValueStore;
import cn.ebillops.infra.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.bean.message.WxCpMessage;
import me.chanjar.weixin.cp.bean.messagebuilder.BaseBuilder;
import me.chanjar.weixin.cp.bean.templatecard.TemplateCardButton;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The self-built app's API through WxJava's {@link WxCpService} (see {@link WxCpServices}): the access
 * token shared by all instances through the key-value store and refreshed by WxJava once when WeCom
 * calls it invalid; {@code message/send} for direct messages, cards and files; media upload. Each
 * call is retried by the {@link RetryPolicy} while WeCom is busy or unreachable; WxJava's errors come
 * out as {@link WecomApiException} with WeCom's errcode.
 */
@Component
class WecomAppClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WecomAppClient.class);
    static final int APP_MARKDOWN_MAX_BYTES = 2048;
    /** WeCom's limits for a media upload of type file. */
    /** WeCom's own duplicate check window for app messages (at most 4 hours). */
    static final Duration DUPLICATE_CHECK = Duration.ofMinutes(30);

    private final WecomProperties props;
    private final RetryPolicy retry;
    private final WxCpService wx;
    private final PoolingHttpClientConnectionManager pool;

    public WecomAppClient(WecomProperties props, WecomEndpoints endpoints, KeyValueStore store, Clock clock,
                          RetryPolicy retry) {
        this.props = props;
        this.retry = retry;
        WxCpServices.Built built = enabled() ? WxCpServices.create(props.app(), endpoints, store, clock) : null;
        this.wx = built == null ? null : built.service();
        this.pool = built == null ? null : built.pool();
    }

    public boolean enabled() {
        return props.app().sendEnabled();
    }

    /** A direct markdown message, split at the app's 2048-byte limit. */
    public void sendMarkdown(String userId, String markdown) {
        for (String part : MarkdownSplitter.split(markdown, APP_MARKDOWN_MAX_BYTES)) {
            send(WxCpMessage.MARKDOWN().toUser(userId).content(part));
        }
    }

    /** Fetches a new access token now: scripts/smoke-wecom.sh proves corp id and secret by it, before any message. */
    void refreshToken() {
        requireEnabled();
        call(() -> wx.getAccessToken(true));
    }

    /** One button of a template card: {@code key} comes back as the click event's EventKey. */
    public record CardButton(String text, String key, int style) {
    }

    /** A button_interaction template card (e.g. 接单 / 已到场 / 已解决 on an incident). */
    public void sendButtonCard(String userId, String taskId, String title, String description,
                               List<CardButton> buttons) {
        send(WxCpMessage.TEMPLATECARD().toUser(userId)
                .cardType("button_interaction")
                .mainTitleTitle(title)
                .mainTitleDesc(description)
                .taskId(taskId)
                .buttons(buttons.stream().map(b -> TemplateCardButton.builder()
                        .text(b.text()).style(b.style()).key(b.key()).build()).toList()));
    }

    /**
     * A file as a direct message: uploaded as media of type file (WeCom keeps it 3 days), then sent by
     * its media_id. WeCom takes 5 bytes to 20 MB; anything else is refused here, before any call.
     */
    public void sendFile(String userId, String fileName, byte[] content) {
        checkFile(fileName, content);
        requireEnabled();
        Path dir = null;
        try {
            // WxJava names the upload after the file it reads, and reads it again when it refreshes the token
            dir = Files.createTempDirectory("wecom-upload");
            Path file = Files.write(dir.resolve(fileName), content);
            AtomicReference<String> mediaId = new AtomicReference<>();
            call(() -> mediaId.set(wx.getMediaService().upload(WxConsts.MediaFileType.FILE, file.toFile()).getMediaId()));
            send(WxCpMessage.FILE().toUser(userId).mediaId(mediaId.get()));
        } catch (IOException e) {
            throw new UncheckedIOException("文件写入临时目录失败", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    static void checkFile(String fileName, byte[] content) {
        if (fileName == null || fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")
                || fileName.equals(".") || fileName.equals("..")) {
            throw new IllegalArgumentException("文件名无效（不能为空或含路径分隔符）：" + fileName);
        }
        int size = content == null ? 0 : content.length;
        if (size < WecomFiles.MIN_BYTES) {
            throw new IllegalArgumentException("文件太小：企业微信要求文件至少 " + WecomFiles.MIN_BYTES + " 字节，此文件 " + size + " 字节");
        }
        if (size > WecomFiles.MAX_BYTES) {
            throw new IllegalArgumentException("文件太大：企业微信自建应用的文件上限为 20 MB，此文件 "
                    + String.format("%.1f", size / 1024.0 / 1024.0) + " MB");
        }
    }

    private <B extends BaseBuilder<B>> void send(B builder) {
        requireEnabled();
        WxCpMessage message = builder.agentId(Integer.valueOf(props.app().agentId().trim())).build();
        // WeCom drops the same message to the same person within the interval: a resend after a crash
        // (the first send may have gone through) reaches the engineer once
        message.setEnableDuplicateCheck(true);
        message.setDuplicateCheckInterval((int) DUPLICATE_CHECK.toSeconds());
        call(() -> wx.getMessageService().send(message));
    }

    private void requireEnabled() {
        if (!enabled()) {
            throw new IllegalStateException("自建应用未配置（wecom.app.corp-id / agent-id / secret）");
        }
    }

    /** A WxJava call under the retry policy, its failures as {@link WecomApiException}. */
    private void call(WxCall call) {
        retry.run(() -> {
            try {
                call.run();
            } catch (WxErrorException e) {
                int code = e.getError().getErrorCode();
                log.warn("自建应用调用失败：errcode {}（{}）", code, e.getError().getErrorMsg());
                if (code == 60020) {
                    log.error("企业微信拒绝了本服务器的 IP（60020）：请管理员在应用的“企业可信 IP”中加入本机出口 IP");
                }
                throw new WecomApiException(code, e.getError().getErrorMsg());
            } catch (WxRuntimeException e) {
                // WxJava wraps transport failures (timeouts, refused connections, HTTP errors): not reached
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                log.warn("自建应用接口不可达：{}", cause.toString());
                throw new WecomApiException(-1, cause.getClass().getSimpleName());
            }
        });
    }

    @FunctionalInterface
    private interface WxCall {
        void run() throws WxErrorException;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            log.warn("临时上传目录未能删除：{}（{}）", dir, e.toString());
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
