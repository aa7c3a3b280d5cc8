package cn.ebillops.channel.wecom;

import cn.ebillops.channel.OutboundChannel;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.infra.KeyValueStore;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Direct messages (escalations to engineers) through the self-built app's message/send. */
@Component
public class WecomDirectChannel implements OutboundChannel {

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
        if (message.dedupKey() != null
                && !store.setIfAbsent("wecom:direct:" + message.dedupKey(), "1", Duration.ofDays(2))) {
            return;
        }
        app.sendMarkdown(message.toUser(), message.markdown());
    }
}
