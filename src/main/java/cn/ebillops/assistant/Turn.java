package cn.ebillops.assistant;

import cn.ebillops.channel.InboundMessage;
import cn.ebillops.config.ChatGroup;
import cn.ebillops.config.Person;
import java.util.Optional;

/**
 * One message as the assistant sees it: who wrote it (resolved from bot-config; unknown users
 * are staff), in which group, and the text with any "@name" removed.
 */
public record Turn(InboundMessage message, Person sender, Optional<ChatGroup> group, String text) {

    public String chatId() {
        return message.chatId();
    }

    /** The message's identity across routes: what a second answer to the same message is recognised by. */
    public String requestId() {
        return message.channel() + ":" + message.messageId();
    }

    /** The same message read as if it said {@code other} (a question later confirmed as a fault). */
    public Turn withText(String other) {
        return new Turn(message, sender, group, other);
    }

    public boolean fromEngineer() {
        return sender.role().isEngineer();
    }
}
