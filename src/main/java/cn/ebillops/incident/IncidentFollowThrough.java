package cn.ebillops.incident;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the first answer promised for an incident, done after a restart if the stopped instance did not
 * get to it: the duty engineer's direct message (timeline event NOTIFIED) and, for a reported fault, the
 * diagnosis (DIAGNOSIS). Looked at once at start and then every {@code every}: incidents opened before this
 * instance started, or longer than {@code after} ago, so work the running instance is doing now is not done
 * twice. A message the stopped instance was sending holds its dedup key a short while
 * ({@code wecom.app.sending-claim}); a later pass sends it then, and WeCom's duplicate check drops it if
 * the first send had gone through.
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
    private final Clock clock;
    private final Duration every;
    private final Duration after;
    private volatile Instant startedAt;
    private ScheduledExecutorService scheduler;

    IncidentFollowThrough(IncidentRepository repository, IncidentDiagnosis diagnosis,
                          @Qualifier("backgroundExecutor") ExecutorService executor, Clock clock,
                          @Value("${ebillops.incident.follow-through.every:1m}") Duration every,
                          @Value("${ebillops.incident.follow-through.after:3m}") Duration after) {
        this.repository = repository;
        this.diagnosis = diagnosis;
        this.executor = executor;
        this.clock = clock;
        this.every = every;
        this.after = after;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void onStart() {
        startedAt = clock.instant();
        try {
            executor.execute(this::pass);
        } catch (RejectedExecutionException e) {
            log.warn("incident follow-through not started: shutting down");
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "incident-follow-through");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::pass, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
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
        Instant oldest = clock.instant().minus(RETRY_WINDOW);
        for (Incident i : repository.findOpen()) {
            if (!i.openedAt().isBefore(openedBefore) || i.openedAt().isBefore(oldest)) {
                continue;
            }
            List<String> kinds = repository.events(i.number()).stream().map(IncidentEvent::kind).toList();
            boolean notified = kinds.contains("NOTIFIED");
            boolean diagnosed = i.source() != Incident.Source.CHAT || kinds.contains("DIAGNOSIS");
            if (notified && diagnosed) {
                continue;
            }
            resumed++;
            log.info("incident {} opened before the restart: {}{}", i.number(), notified ? "" : "notifying the engineer ",
                    diagnosed ? "" : "running the diagnosis");
            try {
                if (!notified) {
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
}
