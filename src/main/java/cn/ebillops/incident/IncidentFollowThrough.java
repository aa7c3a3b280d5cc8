package cn.ebillops.incident;

import cn.ebillops.infra.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * What the first answer promised for an incident, done after a restart if the stopped instance did not
 * get to it: the duty engineer's direct message (timeline event NOTIFIED) and, for a reported fault, the
 * diagnosis (DIAGNOSIS). Looked at once at start and then every {@code every}: incidents opened before this
 * instance started, or longer than {@code after} ago, so work the running instance is doing now is not done
 * twice. A message the stopped instance was sending holds its dedup key a short while
 * ({@code wecom.app.sending-claim}); a later pass sends it then, and WeCom's duplicate check drops it if
 * the first send had gone through. An engineer message that failed (NOTIFY_FAILED) goes again once the
 * {@link RetryPolicy}'s wait for that many failures has passed.
 */
@Component
class IncidentFollowThrough {

    private static final Logger log = LoggerFactory.getLogger(IncidentFollowThrough.class);
    /**
     * An engineer message that keeps failing is retried this long; after it the response clock's reminders
     * and escalations (which call by other routes too) are what remains.
     */
    static final Duration RETRY_WINDOW = Duration.ofHours(2);

    private final IncidentRepository repository;
    private final IncidentDiagnosis diagnosis;
    private final ExecutorService executor;
    private final TaskScheduler scheduler;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Duration every;
    private final Duration after;
    private volatile Instant startedAt;
    private ScheduledFuture<?> passes;

    IncidentFollowThrough(IncidentRepository repository, IncidentDiagnosis diagnosis,
                          @Qualifier("backgroundExecutor") ExecutorService executor, TaskScheduler scheduler,
                          RetryPolicy retry, Clock clock,
                          @Value("${ebillops.incident.follow-through.every:1m}") Duration every,
                          @Value("${ebillops.incident.follow-through.after:3m}") Duration after) {
        this.repository = repository;
        this.diagnosis = diagnosis;
        this.executor = executor;
        this.scheduler = scheduler;
        this.retry = retry;
        this.clock = clock;
        this.every = every;
        this.after = after;
    }

    /** The catch-up pass at once (background work, which tests drain), then one a period until the scheduler stops. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void onStart() {
        if (passes != null) {
            return;
        }
        startedAt = clock.instant();
        try {
            executor.execute(this::pass);
        } catch (RejectedExecutionException e) {
            log.warn("incident follow-through not started: shutting down");
            return;
        }
        passes = scheduler.scheduleWithFixedDelay(this::pass, scheduler.getClock().instant().plus(every), every);
    }

    private void pass() {
        try {
            Instant aged = clock.instant().minus(after);
            resume(aged.isAfter(startedAt) ? aged : startedAt);
        } catch (RuntimeException e) {
            log.warn("incident follow-through pass failed: {}", e.toString());
        }
    }

    /** Looks at incidents opened before {@code openedBefore}; returns how many needed something. */
    int resume(Instant openedBefore) {
        int resumed = 0;
        Instant now = clock.instant();
        Instant oldest = now.minus(RETRY_WINDOW);
        for (Incident i : repository.findOpen()) {
            if (!i.openedAt().isBefore(openedBefore) || i.openedAt().isBefore(oldest)) {
                continue;
            }
            List<IncidentEvent> events = repository.events(i.number());
            List<String> kinds = events.stream().map(IncidentEvent::kind).toList();
            boolean notify = !kinds.contains("NOTIFIED") && notifyDue(events, now);
            boolean diagnosed = i.source() != Incident.Source.CHAT || kinds.contains("DIAGNOSIS");
            if (!notify && diagnosed) {
                continue;
            }
            resumed++;
            log.info("incident {} opened before the restart: {}{}", i.number(), notify ? "notifying the engineer " : "",
                    diagnosed ? "" : "running the diagnosis");
            try {
                if (notify) {
                    diagnosis.notifyDutyEngineer(i);
                }
                if (!diagnosed) {
                    diagnosis.diagnose(i);
                }
            } catch (RuntimeException e) {
                log.error("follow-through of incident {} failed", i.number(), e);
            }
        }
        return resumed;
    }

    /** Not failed yet, or the policy's wait after the failures so far has passed since the last one. */
    private boolean notifyDue(List<IncidentEvent> events, Instant now) {
        List<IncidentEvent> failures = events.stream().filter(e -> "NOTIFY_FAILED".equals(e.kind())).toList();
        if (failures.isEmpty()) {
            return true;
        }
        Instant last = failures.get(failures.size() - 1).at();
        return !now.isBefore(last.plus(retry.waitAfter(failures.size())));
    }
}
