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
 * The one pipeline of every WeCom route, in one direction: an inbound route (the two callback
 * controllers, {@link AibotLongConnection}) submits the message with its {@link ReplyRoute}; the message is
 * kept in the {@link WecomInbox} before the caller acknowledges it (WeCom never resends an acknowledged
 * message), the assistant answers on the background executor, and the answer goes back on that route:
 * app callback → message/send, AI bot callback → its response_url ({@link AibotReplies}), long connection →
 * a stream reply on the socket. What a route cannot carry (the answer is longer than its one message, the
 * response_url is used up or expired, the socket dropped) goes round in one place, {@link #sendAround}:
 * through {@link ChatSender} to the group robot, the AI bot push or the app message. The inbox row goes when
 * the answer went out, by its route or round it; when neither took it (WeCom refused the stream and the push,
 * no robot, no app) the row stays and {@link WecomInboxSweeper} answers it later, as it answers the rows a
 * stopped instance left, through the same {@link #sendAround}.
 *
 * <p>No reply is lost or sent twice on WeCom's retries and on restarts because of four de-duplication
 * layers, each for a case the others do not see (all kept outside the process, so they survive a restart):
 * <ol>
 * <li><b>The inbox row</b>, unique per route and message id ({@link WecomInbox#accept}): a retry that
 * arrives while the first copy is still pending is dropped here. The row lives only until the answer
 * went out (the text must not outlive it), so it cannot recognise a later retry.</li>
 * <li><b>The message id in kv_entry</b> ({@link Assistant#handle}, 24 hours): a retry that arrives after
 * the answer went out (the row is gone), also after a restart, is a duplicate and gets no reply. It is
 * claimed only when the assistant starts, so it cannot replace the first layer: a retry queued behind
 * the first copy would be a second row, and the sweep, which redelivers without this claim, would
 * answer both.</li>
 * <li><b>The kept answer</b> ({@link WecomInbox#answered}) and WeCom's one-use response_url: an instance
 * that stops between computing the answer and removing the row leaves the answer, and the sweep sends
 * that answer rather than a second one; on a response_url WeCom itself refuses a second use, so the sweep
 * learns that the first arrived.</li>
 * <li><b>The dedup key of an answer sent round</b>, {@code inbox:<route>:<message id>}: every outbound
 * channel refuses a second send with the same key (the robot outbox's unique key, the AI bot push's and
 * the app message's keys in the KeyValueStore), so a row swept twice is not answered twice.</li>
 * </ol>
 * Who answers a row is settled apart from these: this instance's {@link #inFlight} rows are busy, not
 * stopped, and the sweep's conditional claim lets one instance take a stale row. Card button clicks are
 * not messages of this pipeline: the app callback acts once per click with a key of its own
 * ({@link AppCallbackController}); a retried AI bot card event repeats a step the incident service
 * refuses, and its second answer meets the used-up response_url.
 */
@Component
class WecomPipeline {

    private static final Logger log = LoggerFactory.getLogger(WecomPipeline.class);
    private static final long NO_ROW = -1;

    private final Assistant assistant;
    private final ExecutorService executor;
    private final WecomInbox inbox;
    private final ChatSender chatSender;
    private final ReplyFiles files;
    /**
     * Inbox rows this instance has queued or is answering: however long they wait for a worker, the sweep
     * leaves them alone (it is for rows a stopped instance left, not for a busy one).
     */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    WecomPipeline(Assistant assistant, @Qualifier("backgroundExecutor") ExecutorService executor, WecomInbox inbox,
                  ChatSender chatSender, ReplyFiles files) {
        this.assistant = assistant;
        this.executor = executor;
        this.inbox = inbox;
        this.chatSender = chatSender;
        this.files = files;
    }

    /** Call before acknowledging the callback: once this returns the message cannot be lost. */
    void submit(InboundMessage message, ReplyRoute route) {
        submit(message, route, null);
    }

    /**
     * As {@link #submit(InboundMessage, ReplyRoute)} for a route whose reply goes to a one-use URL (the AI bot
     * callback's response_url): kept with the message so that a restart delivers the answer exactly once.
     */
    void submit(InboundMessage message, ReplyRoute route, String oneUseReplyUrl) {
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
                    process(message, route, id);
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
    void later(Runnable work) {
        executor.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("wecom background work failed: {}", e.toString());
            }
        });
    }

    void process(InboundMessage message, ReplyRoute route, long row) {
        HandleResult result;
        try {
            result = assistant.handle(message);
        } catch (RuntimeException e) {
            // Not answered: the row stays and the sweep tries again.
            log.warn("wecom message {} on {}: not handled, left for the sweep: {}", message.messageId(),
                    message.channel(), e.toString());
            return;
        }
        boolean delivered = true;
        if (!result.duplicate() && !result.replies().isEmpty()) {
            keepAnswer(row, result.replies());
            delivered = reply(message, route, result.replies());
            files.send(message, result.replies()); // the report as a file, after the text that links to it
        }
        if (delivered) {
            finish(row);
        } else {
            log.warn("wecom message {} on {}: answer not delivered on any route, the inbox keeps it for the sweep",
                    message.messageId(), message.channel());
        }
    }

    /** The answer on the message's own route; what the route cannot carry goes round. False: some of it went nowhere. */
    private boolean reply(InboundMessage message, ReplyRoute route, List<Reply> replies) {
        String rest;
        try {
            rest = route.deliver(replies);
        } catch (RuntimeException e) {
            log.warn("wecom message {} on {}: reply route failed ({}), sending through the group robot / app",
                    message.messageId(), message.channel(), e.toString());
            return sendAround(message, replies, "");
        }
        if (!rest.isEmpty()) {
            log.info("wecom message {} on {}: the rest of the answer goes through the group robot / app",
                    message.messageId(), message.channel());
            return sendAround(message, List.of(Reply.of(rest)), "");
        }
        return true;
    }

    /**
     * Answers through {@link ChatSender} (group robot outbox, AI bot push or app message), for a
     * message whose own route is gone or could not carry the whole answer; the dedup key keeps a
     * second sweep from queueing the answer twice. False when no channel took it.
     */
    boolean sendAround(InboundMessage message, List<Reply> replies, String note) {
        String body = note + ReplyRoute.markdown(replies);
        String key = "inbox:" + message.channel() + ":" + message.messageId();
        OutboundMessage out = message.isDirect() ? OutboundMessage.toPerson(message.userId(), body)
                : OutboundMessage.toGroup(message.chatId(), body).mentioning(List.of(message.userId()));
        return chatSender.send(out.withDedupKey(key));
    }

    private void keepAnswer(long row, List<Reply> replies) {
        if (row == NO_ROW) {
            return;
        }
        try {
            inbox.answered(row, ReplyRoute.markdown(replies));
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
