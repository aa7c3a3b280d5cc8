package cn.ebillops.channel;

import java.util.List;

/**
 * A message the assistant sends on its own (not as the direct answer): diagnosis results,
 * escalations, holiday notices. {@code toUser} set means a direct message to that person;
 * otherwise it goes to the group {@code chatId}. {@code dedupKey} lets a sender refuse to send
 * the same notice twice across restarts and instances. {@code buttons} are offered by routes that
 * can show them (the self-built app's button card); other routes send the text alone. {@code attachments}
 * are files (a Word report) that WeCom routes post as messages of their own after the text (blank text:
 * the files alone); the text is expected to carry a link to them, which is all a route without files shows.
 */
public record OutboundMessage(String chatId, String toUser, String markdown, List<String> mentionUserIds,
                              String dedupKey, List<Button> buttons, List<Attachment> attachments) {

    /** A button whose {@code key} comes back when it is pressed (e.g. {@code incident:ACK:12}). */
    public record Button(String label, String key) {
    }

    public OutboundMessage {
        mentionUserIds = mentionUserIds == null ? List.of() : List.copyOf(mentionUserIds);
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public OutboundMessage(String chatId, String toUser, String markdown, List<String> mentionUserIds,
                           String dedupKey, List<Button> buttons) {
        this(chatId, toUser, markdown, mentionUserIds, dedupKey, buttons, List.of());
    }

    public static OutboundMessage toGroup(String chatId, String markdown) {
        return new OutboundMessage(chatId, null, markdown, List.of(), null, List.of());
    }

    public static OutboundMessage toPerson(String userId, String markdown) {
        return new OutboundMessage(null, userId, markdown, List.of(), null, List.of());
    }

    public OutboundMessage mentioning(List<String> userIds) {
        return new OutboundMessage(chatId, toUser, markdown, userIds, dedupKey, buttons, attachments);
    }

    public OutboundMessage withDedupKey(String key) {
        return new OutboundMessage(chatId, toUser, markdown, mentionUserIds, key, buttons, attachments);
    }

    public OutboundMessage withButtons(List<Button> list) {
        return new OutboundMessage(chatId, toUser, markdown, mentionUserIds, dedupKey, list, attachments);
    }

    public OutboundMessage withAttachments(List<Attachment> files) {
        return new OutboundMessage(chatId, toUser, markdown, mentionUserIds, dedupKey, buttons, files);
    }

    /** Files only (the text went by another message): routes send no text for it. */
    public boolean hasText() {
        return markdown != null && !markdown.isBlank();
    }

    public boolean isDirect() {
        return toUser != null;
    }
}
