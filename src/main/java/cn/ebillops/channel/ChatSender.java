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

    public void send(OutboundMessage message) {
        for (OutboundChannel channel : channels) {
            try {
                channel.deliver(message);
            } catch (RuntimeException e) {
                log.warn("outbound delivery failed on channel {}: {}", channel.name(), e.toString());
            }
        }
    }

    public void toGroup(String chatId, String markdown) {
        send(OutboundMessage.toGroup(chatId, markdown));
    }

    public void toPerson(String userId, String markdown) {
        send(OutboundMessage.toPerson(userId, markdown));
    }
}
