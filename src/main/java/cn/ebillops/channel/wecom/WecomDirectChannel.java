package cn.ebillops.channel.wecom;

import cn.ebillops.channel.OutboundChannel;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.infra.KeyValueStore;
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
        } catch (RuntimeException e) {
            if (key != null) {
                store.delete(key);
            }
            throw e;
        }
    }
}
