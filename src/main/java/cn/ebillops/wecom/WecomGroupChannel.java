package cn.ebillops.wecom;

import cn.ebillops.channel.OutboundChannel;
import cn.ebillops.channel.OutboundMessage;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Group notices through the group robot: queued in the persistent outbox (so a restart or an
 * outage loses none; the dedup key refuses a notice twice) and sent by {@link RobotDispatcher}.
 */
@Component
class WecomGroupChannel implements OutboundChannel {

    private static final Logger log = LoggerFactory.getLogger(WecomGroupChannel.class);

    private final RobotOutbox outbox;
    private final WecomEndpoints endpoints;

    public WecomGroupChannel(RobotOutbox outbox, WecomEndpoints endpoints) {
        this.outbox = outbox;
        this.endpoints = endpoints;
    }

    @Override
    public String name() {
        return "wecom-robot";
    }

    @Override
    public void deliver(OutboundMessage message) {
        if (message.isDirect() || message.chatId() == null || endpoints.robotWebhook(message.chatId()).isEmpty()) {
            return;
        }
        String body = message.markdown();
        if (!message.mentionUserIds().isEmpty()) {
            body += "\n" + message.mentionUserIds().stream().map(u -> "<@" + u + ">").collect(Collectors.joining(" "));
        }
        if (!outbox.add(message.chatId(), body, message.dedupKey())) {
            log.info("group notice {} already queued, not sent twice", message.dedupKey());
        }
    }
}
