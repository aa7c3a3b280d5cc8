package cn.ebillops.channel;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends a message to every configured route. One route failing does not stop the others;
 * routes that must not lose a notice keep their own persistent outbox.
 */
@Service
public class ChatSender {

    private static final Logger log = LoggerFactory.getLogger(ChatSender.class);

    private final List<OutboundChannel> channels;

    public ChatSender(List<OutboundChannel> channels) {
        this.channels = List.copyOf(channels);
    }

    /**
     * False when a route failed: the caller may send the same message again (with the same dedup
     * key, so the routes that did deliver refuse the repeat and only the failed one sends).
     */
    public boolean send(OutboundMessage message) {
        boolean delivered = true;
        for (OutboundChannel channel : channels) {
            try {
                channel.deliver(message);
            } catch (RuntimeException e) {
                delivered = false;
                log.warn("outbound delivery failed on channel {}: {}", channel.name(), e.toString());
            }
        }
        return delivered;
    }

    public boolean toGroup(String chatId, String markdown) {
        return send(OutboundMessage.toGroup(chatId, markdown));
    }

    public boolean toPerson(String userId, String markdown) {
        return send(OutboundMessage.toPerson(userId, markdown));
    }
}
