package cn.ebillops.wecom;

import cn.ebillops.infra.KeyValueStore;
import cn.ebillops.infra.RetryPolicy;
import cn.ebillops.wording.Wording;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Sends the outbox to the group robots. Per robot, one instance at a time (a lock in the
 * KeyValueStore, renewed before every post: a pass may take longer than the lock lives, and an
 * instance that lost it stops, so no other instance resends what it has not marked sent yet);
 * notices go out in the order they were queued, several at once as one flat summary (see
 * {@link #next}); each part waits for a rate slot; what the {@link RetryPolicy} retries (45009 rate,
 * -1 busy or network) goes again after its back-off and nothing is lost; a refusal fails the notice.
 */
@Component
class RobotDispatcher {

    private static final Logger log = LoggerFactory.getLogger(RobotDispatcher.class);
    static final int MARKDOWN_MAX_BYTES = 4096;
    static final int MAX_MERGE = 200;
    /** Renewed before each post, which takes at most 15 s (connect 5 s + request 10 s). */
    static final Duration LOCK_TTL = Duration.ofSeconds(30);
    static final Duration KEEP_DONE = Duration.ofDays(7);
    static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final RobotOutbox outbox;
    private final RobotRateLimiter limiter;
    private final WecomEndpoints endpoints;
    private final WecomHttp http;
    private final KeyValueStore store;
    private final WecomProperties props;
    private final RetryPolicy retry;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final Wording wording;
    private final RobotFileSender files;
    private final String instanceId = UUID.randomUUID().toString();
    private ScheduledFuture<?> passes;
    private Instant lastPurge = Instant.EPOCH;

    public RobotDispatcher(RobotOutbox outbox, RobotRateLimiter limiter, WecomEndpoints endpoints, WecomHttp http,
                           KeyValueStore store, WecomProperties props, RetryPolicy retry, TaskScheduler scheduler,
                           Clock clock, Wording wording, RobotFileSender files) {
        this.outbox = outbox;
        this.limiter = limiter;
        this.endpoints = endpoints;
        this.http = http;
        this.store = store;
        this.props = props;
        this.retry = retry;
        this.scheduler = scheduler;
        this.clock = clock;
        this.wording = wording;
        this.files = files;
    }

    /** A pass one interval after start, then one interval after each pass ends; stopped with the scheduler. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        if (!props.robot().autoDispatch() || passes != null || !endpoints.anyRobotConfigured()) {
            return;
        }
        Duration every = props.robot().dispatchInterval();
        passes = scheduler.scheduleWithFixedDelay(this::dispatchQuietly, scheduler.getClock().instant().plus(every),
                every);
    }

    private void dispatchQuietly() {
        try {
            Instant now = clock.instant();
            if (now.isAfter(lastPurge.plus(PURGE_EVERY))) {
                lastPurge = now;
                outbox.purgeDone(now.minus(KEEP_DONE));
            }
            dispatchOnce();
        } catch (RuntimeException e) {
            log.warn("robot dispatch failed: {}", e.toString());
        }
    }

    /** One pass over all robots with due notices; returns the number of messages WeCom accepted. */
    public int dispatchOnce() {
        int sent = 0;
        for (String chatId : outbox.chatsWithDue(clock.instant())) {
            Optional<String> url = endpoints.robotWebhook(chatId);
            if (url.isEmpty()) {
                continue; // no robot configured (yet): keep the notices until one is
            }
            String lock = "wecom:robot:dispatch:" + chatId;
            if (!store.tryLock(lock, instanceId, LOCK_TTL)) {
                continue;
            }
            try {
                sent += dispatchChat(chatId, url.get(), lock);
            } finally {
                store.unlock(lock, instanceId);
            }
        }
        return sent;
    }

    private int dispatchChat(String chatId, String url, String lock) {
        String robot = RobotRateLimiter.robotKey(url);
        int sent = 0;
        while (true) {
            List<RobotOutbox.Row> due = outbox.due(chatId, clock.instant(), MAX_MERGE);
            if (due.isEmpty()) {
                return sent;
            }
            RobotOutbox.Row row = next(chatId, due);
            if (row == null) {
                return sent; // another instance took rows meanwhile; next pass
            }
            Sent result = sendRow(row, url, robot, lock);
            sent += result.accepted();
            if (!result.goOn()) {
                return sent;
            }
        }
    }

    /**
     * The row to send now, from the chat's pending rows in queue order. A partly sent row finishes
     * first (its first parts are out already). Several notices go out as one summary that lists the
     * original notices, also those of a summary held back by the rate limit or an outage (which is
     * then replaced, never sent), so a summary is always one level deep; what does not fit in one
     * message waits for the next. A held-back summary that is still the right one is retried. A file
     * goes alone, and no summary reaches past it (it comes after the notice that links to it).
     */
    private RobotOutbox.Row next(String chatId, List<RobotOutbox.Row> all) {
        Optional<RobotOutbox.Row> partly = all.stream().filter(r -> r.partsSent() > 0).findFirst();
        if (partly.isPresent()) {
            return partly.get();
        }
        RobotOutbox.Row head = all.get(0);
        List<RobotOutbox.Row> due = RobotFiles.beforeFirstFile(all);
        if (head.isFile() || due.size() == 1 && !head.isSummary()) {
            return head;
        }
        List<RobotOutbox.Row> headOriginals = outbox.originals(head);
        List<RobotOutbox.Row> originals = new ArrayList<>(headOriginals);
        for (RobotOutbox.Row r : due.subList(1, due.size())) {
            originals.addAll(outbox.originals(r));
        }
        originals.sort(RobotOutbox.QUEUE_ORDER);
        RobotSummary.Plan plan = RobotSummary.plan(wording, originals, (int) outbox.waitingNotices(chatId), MARKDOWN_MAX_BYTES);
        if (plan == null) {
            return head; // the first notice is too long to share a message: it goes alone, in parts
        }
        if (head.isSummary() && ids(plan.listed()).equals(ids(headOriginals))) {
            if (plan.text().equals(head.body())) {
                return head;
            }
            return outbox.rewrite(head.id(), plan.text()) ? head.withBody(plan.text()) : null;
        }
        return outbox.merge(chatId, due, plan.listed(), plan.text());
    }

    private static List<Long> ids(List<RobotOutbox.Row> rows) {
        return rows.stream().map(RobotOutbox.Row::id).toList();
    }

    /** How many parts of a row WeCom accepted, and whether the pass may go on to the next row. */
    private record Sent(int accepted, boolean goOn) {
    }

    /** Sends the row's remaining parts while rate slots last and the lock is still ours. */
    private Sent sendRow(RobotOutbox.Row row, String url, String robot, String lock) {
        List<String> parts = row.isFile() ? List.of(row.body()) : MarkdownSplitter.split(row.body(), MARKDOWN_MAX_BYTES);
        int accepted = 0;
        for (int i = row.partsSent(); i < parts.size(); i++) {
            if (!store.renewLock(lock, instanceId, LOCK_TTL)) {
                log.warn("群 {} 的发送锁已失去（被其他实例取得或已过期），本实例停止这一轮发送", row.chatId());
                return new Sent(accepted, false);
            }
            if (!limiter.tryAcquire(robot)) {
                return new Sent(accepted, false);
            }
            WecomApiException refused = row.isFile() ? files.send(url, row) : post(url, parts.get(i));
            if (refused == null) {
                accepted++;
                outbox.partSent(row.id(), i + 1, parts.size());
                continue;
            }
            int code = refused.errcode();
            if (!retry.retries(refused)) {
                log.error("群机器人拒绝通知（errcode {}），已放弃第 {} 条：请检查群 {} 的机器人 webhook 配置", code, row.id(),
                        row.chatId());
                outbox.fail(row.id(), "errcode " + code);
            } else {
                int attempts = row.attempts() + 1;
                Duration delay = retry.waitAfter(attempts);
                log.info("robot notice {} not accepted (errcode {}), retry in {} s", row.id(), code, delay.toSeconds());
                outbox.retryLater(row.id(), attempts, clock.instant().plus(delay), "errcode " + code);
            }
            return new Sent(accepted, accepted > 0);
        }
        return new Sent(accepted, accepted > 0);
    }

    /** Null when WeCom accepted the part; else its refusal, or errcode -1 when it was not reached. */
    private WecomApiException post(String url, String markdown) {
        try {
            JsonNode r = http.post(url, Map.of("msgtype", "markdown", "markdown", Map.of("content", markdown)));
            int code = r.path("errcode").asInt(-1);
            return code == 0 ? null : new WecomApiException(code, r.path("errmsg").asString(""));
        } catch (WecomApiException e) {
            return e;
        }
    }
}
