package cn.ebillops.channel;

import java.time.Instant;
import java.util.Objects;

/**
 * One message from a person, whatever route it came by. {@code channel} names the route
 * ("console", "wecom-aibot", "wecom-app"…) so de-duplication keys never collide across routes.
 */
public record InboundMessage(String channel, String chatId, String userId, String text, String messageId,
                             Instant receivedAt) {

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(userId, "userId");
        text = text == null ? "" : text;
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    public boolean isDirect() {
        return chatId.equals(userId);
    }
}
