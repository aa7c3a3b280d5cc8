package cn.ebillops.console;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.channel.OutboundChannel;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.channel.Reply;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the console page shows: every message in and out of a group, including those the assistant
 * sends later on its own (diagnosis, escalations), and per person the direct messages and button cards
 * that WeCom's app would show them. Stored (masked) in the database so a restart or a second instance
 * shows the same history; bounded per chat and person and by age
 * ({@link ConsoleProperties#historyPerChat()}, {@link ConsoleProperties#historyRetention()}).
 */
@Component
class ConsoleTranscript implements OutboundChannel {

    private static final Logger log = LoggerFactory.getLogger(ConsoleTranscript.class);

    /** Lines the page loads when it opens a chat. */
    static final int OPENING_LINES = 100;
    /** Lines one poll returns at most. */
    static final int PAGE_LINES = 500;
    static final String ASSISTANT = "assistant";
    static final String ASSISTANT_NAME = "运维助手";

    /**
     * One line; {@code buttons} only on a direct card, {@code result} once one of them did something.
     * {@code at} is epoch milliseconds (the page shows it in Beijing time).
     */
    public record Line(long seq, String chatId, String toUser, String from, String fromName, String text, long at,
                       List<OutboundMessage.Button> buttons, String result) {
    }

    private final ConsoleMessages messages;
    private final PiiMasker masker;
    private final Clock clock;
    private final ConsoleProperties properties;
    private final AtomicLong lastPurge = new AtomicLong();

    ConsoleTranscript(ConsoleMessages messages, PiiMasker masker, Clock clock, ConsoleProperties properties) {
        this.messages = messages;
        this.masker = masker;
        this.clock = clock;
        this.properties = properties;
    }

    /** A group line (what someone typed, or the assistant's answer). */
    void add(String chatId, String from, String fromName, String text) {
        store(chatId, null, from, fromName, text, List.of(), null);
    }

    /** A direct line to {@code userId} (a card's outcome, an answer only they should see). */
    void toPerson(String userId, String text) {
        store(null, userId, ASSISTANT, ASSISTANT_NAME, text, List.of(), null);
    }

    List<Line> since(String chatId, long afterSeq) {
        return messages.lines(ConsoleMessages.Scope.CHAT, chatId, afterSeq, afterSeq <= 0 ? OPENING_LINES : PAGE_LINES);
    }

    List<Line> directSince(String userId, long afterSeq) {
        return messages.lines(ConsoleMessages.Scope.DIRECT, userId, afterSeq,
                afterSeq <= 0 ? OPENING_LINES : PAGE_LINES);
    }

    Optional<Line> directLine(long seq, String userId) {
        return messages.direct(seq, userId);
    }

    void cardResult(long seq, String result) {
        messages.cardResult(seq, result);
    }

    /** An answer with its links as the WeCom routes send them (markdown links after the text). */
    static String markdown(Reply reply) {
        return reply.markdown() + reply.links().stream().map(l -> "\n[" + l.title() + "](" + l.url() + ")")
                .collect(Collectors.joining());
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public void deliver(OutboundMessage message) {
        if (!message.hasText()) {
            return; // files alone: the console shows the report's link, which the text before them carries
        }
        if (message.isDirect()) {
            store(null, message.toUser(), ASSISTANT, ASSISTANT_NAME, message.markdown(), message.buttons(),
                    message.dedupKey());
        } else {
            store(message.chatId(), null, ASSISTANT, ASSISTANT_NAME, message.markdown(), List.of(), message.dedupKey());
        }
    }

    private void store(String chatId, String toUser, String from, String fromName, String text,
                       List<OutboundMessage.Button> buttons, String dedupKey) {
        Instant now = clock.instant();
        if (messages.insert(chatId, toUser, from, fromName, masker.mask(text), buttons, dedupKey, now).isEmpty()) {
            return; // the same notice again (a retry for another route): shown once
        }
        if (chatId != null) {
            messages.trim(ConsoleMessages.Scope.CHAT, chatId, properties.historyPerChat());
        } else {
            messages.trim(ConsoleMessages.Scope.DIRECT, toUser, properties.historyPerChat());
        }
        purgeOld(now);
    }

    /** At most hourly: lines older than the retention, of chats and people that went quiet too. */
    private void purgeOld(Instant now) {
        long last = lastPurge.get();
        if (now.toEpochMilli() - last >= 3_600_000L && lastPurge.compareAndSet(last, now.toEpochMilli())) {
            purge(now);
        }
    }

    void purge(Instant now) {
        int removed = messages.deleteBefore(now.minus(properties.historyRetention()));
        if (removed > 0) {
            log.info("console history: {} lines older than {} removed", removed, properties.historyRetention());
        }
    }
}
