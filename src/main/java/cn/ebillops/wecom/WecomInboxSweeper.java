package cn.ebillops.wecom;

import cn.ebillops.assistant.Assistant;
import cn.ebillops.assistant.HandleResult;
import cn.ebillops.channel.InboundMessage;
import cn.ebillops.channel.Reply;
import cn.ebillops.wording.Wording;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Answers the messages an instance acknowledged but never answered (it crashed or was stopped):
 * rows of the {@link WecomInbox} whose claim is older than {@code wecom.inbox.stale-after} (2 min). One instance
 * takes a row (conditional claim); the answer goes out through the group robot or app message
 * with a note that it is late. A fault report is not opened twice: the incident merge window finds
 * the incident the first attempt may already have opened.
 */
@Component
class WecomInboxSweeper {

    private static final Logger log = LoggerFactory.getLogger(WecomInboxSweeper.class);
    static final int MAX_ATTEMPTS = 3;
    private static final int BATCH = 50;
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

    private final WecomInbox inbox;
    private final Assistant assistant;
    private final WecomPipeline pipeline;
    private final AibotReplies replies;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final Wording wording;
    private final Duration staleAfter;
    private final Duration sweepEvery;
    private ScheduledFuture<?> sweeps;

    public WecomInboxSweeper(WecomInbox inbox, Assistant assistant, WecomPipeline pipeline, AibotReplies replies,
                             TaskScheduler scheduler, Clock clock, Wording wording,
                             @Value("${wecom.inbox.stale-after:2m}") Duration staleAfter,
                             @Value("${wecom.inbox.sweep-every:30s}") Duration sweepEvery) {
        this.inbox = inbox;
        this.assistant = assistant;
        this.pipeline = pipeline;
        this.replies = replies;
        this.scheduler = scheduler;
        this.clock = clock;
        this.wording = wording;
        this.staleAfter = staleAfter;
        this.sweepEvery = sweepEvery;
    }

    /** The first sweep one period after start, then one period after each sweep ends; stopped with the scheduler. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        if (sweeps == null) {
            sweeps = scheduler.scheduleWithFixedDelay(this::sweepStale, scheduler.getClock().instant().plus(sweepEvery),
                    sweepEvery);
        }
    }

    private void sweepStale() {
        try {
            sweep(clock.instant().minus(staleAfter));
        } catch (DataAccessException e) {
            log.warn("wecom inbox sweep failed: {}", e.toString());
        }
    }

    /** Answers the rows claimed before {@code staleBefore}; returns how many this instance took. */
    int sweep(Instant staleBefore) {
        int taken = 0;
        for (WecomInbox.Pending p : inbox.stale(staleBefore, BATCH)) {
            if (pipeline.inFlight(p.id())) {
                continue; // still waiting for a worker of this instance: busy, not stopped
            }
            if (!inbox.claim(p)) {
                continue; // another instance took it
            }
            taken++;
            answer(p);
        }
        return taken;
    }

    /**
     * An answer computed before the stop, perhaps delivered. On a one-use response_url WeCom itself tells:
     * accepted now means it never arrived; refused means it did. Without one the same answer goes again,
     * marked as possibly repeated; it is never computed a second time.
     */
    private void resend(WecomInbox.Pending p, String received) {
        InboundMessage m = p.message();
        if (p.replyUrl() != null) {
            try {
                replies.viaResponseUrl(p.replyUrl(), List.of(Reply.of(p.reply())));
                log.info("wecom message {} on {}: answer delivered after the restart", m.messageId(), m.channel());
                pipeline.finish(p.id());
                return;
            } catch (WecomApiException e) {
                log.info("wecom message {} on {}: response_url already used ({}), the answer had gone out",
                        m.messageId(), m.channel(), e.errcode());
                pipeline.finish(p.id());
                return;
            } catch (RuntimeException e) {
                log.warn("wecom message {} on {}: response_url unreachable ({}), sending around", m.messageId(),
                        m.channel(), e.toString());
            }
        }
        pipeline.sendAround(m, List.of(Reply.of(p.reply())),
                wording.text("wecom.inbox.resent", "received", received));
        pipeline.finish(p.id());
    }

    private void answer(WecomInbox.Pending p) {
        InboundMessage m = p.message();
        String received = HHMM.format(m.receivedAt().atZone(clock.getZone()));
        if (p.attempts() >= MAX_ATTEMPTS) {
            log.warn("wecom message {} on {}: given up after {} attempts", m.messageId(), m.channel(), p.attempts());
            pipeline.sendAround(m, List.of(Reply.of(wording.text("wecom.inbox.givenUp", "received", received))), "");
            pipeline.finish(p.id());
            return;
        }
        if (p.reply() != null) {
            resend(p, received);
            return;
        }
        HandleResult result;
        try {
            result = assistant.redeliver(m);
        } catch (RuntimeException e) {
            log.warn("wecom message {} on {}: sweep attempt {} failed: {}", m.messageId(), m.channel(), p.attempts(),
                    e.toString());
            return;
        }
        log.info("wecom message {} on {} answered late by the sweep", m.messageId(), m.channel());
        if (!result.replies().isEmpty()) {
            pipeline.sendAround(m, result.replies(),
                    wording.text("wecom.inbox.late", "received", received));
        }
        pipeline.finish(p.id());
    }
}
