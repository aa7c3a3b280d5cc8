package cn.ebillops.wecom;

import cn.ebillops.channel.Attachment;
import cn.ebillops.channel.OutboundChannel;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.infra.KeyValueStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Direct messages (escalations to engineers) through the self-built app's message/send. The dedup
 * key is claimed before the send so two instances do not both send; it is released when the send
 * fails, so the caller's retry with the same key is sent rather than taken for a repeat, and kept for
 * {@link #DEDUP_TTL} once the send went through.
 */
@Component
class WecomDirectChannel implements OutboundChannel {

    static final Duration DEDUP_TTL = Duration.ofDays(2);
    static final String ROUTE = "自建应用";


    private final WecomAppClient app;
    private final KeyValueStore store;

    /** How long a send in progress holds the key: far above one send, short enough for a resend after a crash. */
    private final Duration sending;

    public WecomDirectChannel(WecomAppClient app, KeyValueStore store,
                              @Value("${wecom.app.sending-claim:2m}") Duration sending) {
        this.app = app;
        this.store = store;
        this.sending = sending;
    }

    /**
     * WeCom wants a task id unique per card (letters, digits, _-@, at most 128). A message with a dedup key
     * gets the same id every time, so WeCom itself refuses the card a resend after a crash would repeat.
     */
    private static String cardTaskId(OutboundMessage m) {
        UUID id = m.dedupKey() != null ? UUID.nameUUIDFromBytes(m.dedupKey().getBytes(StandardCharsets.UTF_8))
                : UUID.randomUUID();
        return "c" + id.toString().replace("-", "");
    }

    /** The first line without markdown marks, cut to the card title's limit (26 characters). */
    static String cardTitle(String markdown) {
        String first = markdown.lines().findFirst().orElse("").replaceAll("[*#>`]", "").strip();
        return first.length() > 26 ? first.substring(0, 25) + "…" : first;
    }

    @Override
    public String name() {
        return "wecom-app";
    }

    /** Whether direct messages can go out at all (the app's send keys are set). */
    boolean enabled() {
        return app.enabled();
    }

    @Override
    public void deliver(OutboundMessage message) {
        if (!message.isDirect() || !app.enabled()) {
            return;
        }
        String key = message.dedupKey() == null ? null : "wecom:direct:" + message.dedupKey();
        // claimed only while sending: a crash mid-send leaves a claim that expires, and the resend is safe
        // because WeCom's duplicate check drops a message that did go out (WecomAppClient)
        if (key != null && !store.setIfAbsent(key, "sending", sending)) {
            if ("sent".equals(store.get(key))) {
                return; // delivered before: a repeat
            }
            // another attempt holds it, or a stopped instance did mid-send: not delivered as far as we know
            throw new IllegalStateException("direct message " + message.dedupKey() + " is being sent by another attempt");
        }
        try {
            if (message.hasText()) {
                app.sendMarkdown(message.toUser(), message.markdown());
            }
            if (!message.buttons().isEmpty()) {
                // A card's title and description are short: the text goes first, the buttons after it.
                List<WecomAppClient.CardButton> buttons = message.buttons().stream()
                        .map(b -> new WecomAppClient.CardButton(b.label(), b.key(), 1)).toList();
                app.sendButtonCard(message.toUser(), cardTaskId(message), cardTitle(message.markdown()), "点击按钮处理",
                        buttons);
            }
        } catch (RuntimeException e) {
            if (key != null) {
                store.delete(key);
            }
            throw e;
        }
        if (key != null) {
            store.delete(key); // sent: the key now refuses repeats for DEDUP_TTL
            store.setIfAbsent(key, "sent", DEDUP_TTL);
        }
        message.attachments().forEach(file -> sendFile(message.toUser(), file));
    }

    /** A file after its text; one WeCom does not take leaves the person the link in the text, with a WARN. */
    private void sendFile(String userId, Attachment file) {
        if (!WecomFiles.sendable(file, userId, ROUTE)) {
            return;
        }
        try {
            app.sendFile(userId, file.fileName(), file.content());
        } catch (WecomApiException e) {
            WecomFiles.notSent(file, userId, ROUTE, e.errcode(), e.getMessage());
        } catch (RuntimeException e) {
            WecomFiles.notSent(file, userId, ROUTE, -1, e.toString());
        }
    }
}
