package cn.ebillops.wecom;

import cn.ebillops.channel.Attachment;
import cn.ebillops.channel.OutboundChannel;
import cn.ebillops.channel.OutboundMessage;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Group notices through the group robot: queued in the persistent outbox (so a restart or an
 * outage loses none; the dedup key refuses a notice twice) and sent by {@link RobotDispatcher}.
 * Files go into the same outbox right behind their text ({@link RobotFiles}), each with a key of its own.
 */
@Component
class WecomGroupChannel implements OutboundChannel {

    private static final Logger log = LoggerFactory.getLogger(WecomGroupChannel.class);

    private final RobotOutbox outbox;
    private final RobotFiles files;
    private final WecomEndpoints endpoints;

    public WecomGroupChannel(RobotOutbox outbox, RobotFiles files, WecomEndpoints endpoints) {
        this.outbox = outbox;
        this.files = files;
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
        if (message.hasText()) {
            String body = message.markdown();
            if (!message.mentionUserIds().isEmpty()) {
                body += "\n" + message.mentionUserIds().stream().map(u -> "<@" + u + ">").collect(Collectors.joining(" "));
            }
            if (!outbox.add(message.chatId(), body, message.dedupKey())) {
                log.info("group notice {} already queued, not sent twice", message.dedupKey());
            }
        }
        int n = 0;
        for (Attachment file : message.attachments()) {
            String key = message.dedupKey() == null ? null : message.dedupKey() + "/file/" + ++n;
            if (WecomFiles.sendable(file, message.chatId(), RobotFileSender.ROUTE) && !files.add(message.chatId(), file, key)) {
                log.info("group file {} already queued, not sent twice", key);
            }
        }
    }
}
