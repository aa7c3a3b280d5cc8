package cn.ebillops.wecom;

import cn.ebillops.assistant.Assistant;
import cn.ebillops.assistant.HandleResult;
import cn.ebillops.channel.ChatSender;
import cn.ebillops.channel.InboundMessage;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.channel.Reply;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The one pipeline of every WeCom route. The message is kept in the {@link WecomInbox} before the
 * caller acknowledges it (WeCom never resends an acknowledged message); the assistant runs on the
 * background executor (it de-duplicates by channel + message id) and the replies go back on the
 * route the message came by, or through {@link ChatSender} when that route fails. The inbox row
 * goes when the answer went out; {@link WecomInboxSweeper} answers the rows a stopped instance left.
 */
@Component
class WecomPipeline {

    private static final Logger log = LoggerFactory.getLogger(WecomPipeline.class);
    private static final long NO_ROW = -1;

    /** Delivers the replies on the message's own route. */
    @FunctionalInterface
    public interface ReplySink {
        void deliver(List<Reply> replies);
    }

    private final Assistant assistant;
    private final ExecutorService executor;
    private final WecomInbox inbox;
    private final ChatSender chatSender;
    /**
     * Inbox rows this instance has queued or is answering: however long they wait for a worker, the sweep
     * leaves them alone (it is for rows a stopped instance left, not for a busy one).
     */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    public WecomPipeline(Assistant assistant, @Qualifier("backgroundExecutor") ExecutorService executor,
                         WecomInbox inbox, ChatSender chatSender) {
        this.assistant = assistant;
        this.executor = executor;
        this.inbox = inbox;
        this.chatSender = chatSender;
    }

    /** Call before acknowledging the callback: once this returns the message cannot be lost. */
    public void submit(InboundMessage message, ReplySink sink) {
        submit(message, sink, null);
    }

    /**
     * As {@link #submit(InboundMessage, ReplySink)} for a route whose reply goes to a one-use URL (the AI bot
     * callback's response_url): kept with the message so that a restart delivers the answer exactly once.
     */
    public void submit(InboundMessage message, ReplySink sink, String oneUseReplyUrl) {
        long row;
        try {
            Optional<Long> accepted = inbox.accept(message, oneUseReplyUrl);
            if (accepted.isEmpty()) {
                log.info("wecom message {} on {}: retry of a message still pending, dropped", message.messageId(),
                        message.channel());
                return;
            }
            row = accepted.get();
        } catch (DataAccessException e) {
            // The database is unreachable: answer anyway rather than not at all; only a crash in the
            // next second could lose this one message.
            log.warn("wecom message {} on {}: inbox unavailable, answering without it: {}", message.messageId(),
                    message.channel(), e.toString());
            row = NO_ROW;
        }
        long id = row;
        inFlight.add(id);
        try {
            executor.execute(() -> {
                try {
                    process(message, sink, id);
                } finally {
                    inFlight.remove(id);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(id);
            log.warn("wecom message {} on {} not processed now: shutting down; the inbox keeps it for the sweep",
                    message.messageId(), message.channel());
        }
    }

    /** Runs the work in the background (card events and other non-assistant work). */
    public void later(Runnable work) {
        executor.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("wecom background work failed: {}", e.toString());
            }
        });
    }

    void process(InboundMessage message, ReplySink sink, long row) {
        HandleResult result;
        try {
            result = assistant.handle(message);
        } catch (RuntimeException e) {
            // Not answered: the row stays and the sweep tries again.
            log.warn("wecom message {} on {}: not handled, left for the sweep: {}", message.messageId(),
                    message.channel(), e.toString());
            return;
        }
        if (!result.duplicate() && !result.replies().isEmpty()) {
            keepAnswer(row, result.replies());
            try {
                sink.deliver(result.replies());
            } catch (RuntimeException e) {
                log.warn("wecom message {} on {}: reply route failed ({}), sending through the group robot / app",
                        message.messageId(), message.channel(), e.toString());
                sendAround(message, result.replies(), "");
            }
        }
        finish(row);
    }

    /**
     * Answers through {@link ChatSender} (group robot outbox, AI bot push or app message), for a
     * message whose own route is gone or could not carry the whole answer; the dedup key keeps a
     * second sweep from queueing the answer twice.
     */
    void sendAround(InboundMessage message, List<Reply> replies, String note) {
        String body = note + AibotReplies.joined(replies);
        String key = "inbox:" + message.channel() + ":" + message.messageId();
        OutboundMessage out = message.isDirect() ? OutboundMessage.toPerson(message.userId(), body)
                : OutboundMessage.toGroup(message.chatId(), body).mentioning(List.of(message.userId()));
        chatSender.send(out.withDedupKey(key));
    }

    private void keepAnswer(long row, List<Reply> replies) {
        if (row == NO_ROW) {
            return;
        }
        try {
            inbox.answered(row, AibotReplies.joined(replies));
        } catch (DataAccessException e) {
            log.warn("wecom inbox row {}: answer not kept (a restart now would compute it again): {}", row,
                    e.toString());
        }
    }

    /** Whether this instance still has the row queued or in hand. */
    boolean inFlight(long row) {
        return inFlight.contains(row);
    }

    void finish(long row) {
        if (row == NO_ROW) {
            return;
        }
        try {
            inbox.done(row);
        } catch (DataAccessException e) {
            log.warn("wecom inbox row {} not removed (the sweep may answer it again): {}", row, e.toString());
        }
    }
}
