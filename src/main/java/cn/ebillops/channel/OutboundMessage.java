package cn.ebillops.channel;

import java.util.List;

/**
 * A message the assistant sends on its own (not as the direct answer): diagnosis results,
 * escalations, holiday notices. {@code toUser} set means a direct message to that person;
 * otherwise it goes to the group {@code chatId}. {@code dedupKey} lets a sender refuse to send
 * the same notice twice across restarts and instances.
 */
public record OutboundMessage(String chatId, String toUser, String markdown, List<String> mentionUserIds,
                              String dedupKey) {

    public OutboundMessage {
        mentionUserIds = mentionUserIds == null ? List.of() : List.copyOf(mentionUserIds);
    }

    public static OutboundMessage toGroup(String chatId, String markdown) {
        return new OutboundMessage(chatId, null, markdown, List.of(), null);
    }

    public static OutboundMessage toPerson(String userId, String markdown) {
        return new OutboundMessage(null, userId, markdown, List.of(), null);
    }

    public OutboundMessage mentioning(List<String> userIds) {
        return new OutboundMessage(chatId, toUser, markdown, userIds, dedupKey);
    }

    public OutboundMessage withDedupKey(String key) {
        return new OutboundMessage(chatId, toUser, markdown, mentionUserIds, key);
    }

    public boolean isDirect() {
        return toUser != null;
    }
}
