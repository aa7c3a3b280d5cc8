package cn.ebillops.channel.wecom;

import cn.ebillops.channel.OutboundChannel;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.infra.KeyValueStore;
import java.util.List;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Direct messages (escalations to engineers) through the self-built app's message/send. The dedup
 * key is claimed before the send so two instances do not both send; it is released when the send
 * fails, so the caller's retry with the same key is sent rather than taken for a repeat.
 */
@Component
public class WecomDirectChannel implements OutboundChannel {

    static final Duration DEDUP_TTL = Duration.ofDays(2);

    private final WecomAppClient app;
    private final KeyValueStore store;

    public WecomDirectChannel(WecomAppClient app, KeyValueStore store) {
        this.app = app;
        this.store = store;
    }

    /** WeCom wants a task id unique per card (letters, digits, _-@, at most 128). */
    private static String cardTaskId(OutboundMessage m) {
        String base = m.dedupKey() != null ? m.dedupKey() : java.util.UUID.randomUUID().toString();
        return "c" + Integer.toHexString(base.hashCode()) + "-" + Long.toHexString(System.nanoTime());
    }

    /** The first line without markdown marks, cut to the card title's limit (26 characters). */
    static String cardTitle(String markdown) {
        String first = markdown.lines().findFirst().orElse("").replaceAll("[*#>`]", "").strip();
        return first.length() > 26 ? first.substring(0, 25) + "…" : first;
    }

    @Override
    public String name() {
        return "wecom-app";
    }

    @Override
    public void deliver(OutboundMessage message) {
        if (!message.isDirect() || !app.enabled()) {
            return;
        }
        String key = message.dedupKey() == null ? null : "wecom:direct:" + message.dedupKey();
        if (key != null && !store.setIfAbsent(key, "1", DEDUP_TTL)) {
            return;
        }
        try {
            app.sendMarkdown(message.toUser(), message.markdown());
            if (!message.buttons().isEmpty()) {
                // A card's title and description are short: the text goes first, the buttons after it.
                List<WecomAppClient.CardButton> buttons = message.buttons().stream()
                        .map(b -> new WecomAppClient.CardButton(b.label(), b.key(), 1)).toList();
                app.sendButtonCard(message.toUser(), cardTaskId(message), cardTitle(message.markdown()), "点击按钮处理",
                        buttons);
            }
        } catch (RuntimeException e) {
            if (key != null) {
                store.delete(key);
            }
            throw e;
        }
    }
}
