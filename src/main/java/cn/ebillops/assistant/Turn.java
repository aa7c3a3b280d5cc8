package cn.ebillops.assistant;

import cn.ebillops.assistant.nlu.Entities;
import cn.ebillops.channel.InboundMessage;
import cn.ebillops.config.ChatGroup;
import cn.ebillops.config.Person;
import java.util.Optional;

/**
 * One message as the assistant sees it: who wrote it (resolved from bot-config; unknown users
 * are staff), in which group, the text with any "@name" removed, and what that text is about
 * (days, holidays, incident numbers), read once so every handler sees the same.
 */
public record Turn(InboundMessage message, Person sender, Optional<ChatGroup> group, String text,
                   Entities entities) {

    public String chatId() {
        return message.chatId();
    }

    /** The message's identity across routes: what a second answer to the same message is recognised by. */
    public String requestId() {
        return message.channel() + ":" + message.messageId();
    }

    /**
     * The same message read as if it said {@code other} (a question later confirmed as a fault); what it
     * is about is the question's, read again by the caller where it matters.
     */
    public Turn withText(String other, Entities about) {
        return new Turn(message, sender, group, other, about);
    }

    public boolean fromEngineer() {
        return sender.role().isEngineer();
    }
}
