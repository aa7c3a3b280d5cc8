package cn.ebillops.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the first answer promised for an incident, done after a restart if the stopped instance did not
 * get to it: the duty engineer's direct message (timeline event NOTIFIED) and, for a reported fault, the
 * diagnosis (DIAGNOSIS). Only incidents opened before this instance started are looked at, so work the
 * running instance is doing now is not done twice; the message dedup keys make a repeat harmless.
 */
@Component
class IncidentFollowThrough {

    private static final Logger log = LoggerFactory.getLogger(IncidentFollowThrough.class);

    private final IncidentRepository repository;
    private final IncidentDiagnosis diagnosis;
    private final ExecutorService executor;
    private final Clock clock;

    IncidentFollowThrough(IncidentRepository repository, IncidentDiagnosis diagnosis,
                          @Qualifier("backgroundExecutor") ExecutorService executor, Clock clock) {
        this.repository = repository;
        this.diagnosis = diagnosis;
        this.executor = executor;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        Instant startedAt = clock.instant();
        try {
            executor.execute(() -> resume(startedAt));
        } catch (RejectedExecutionException e) {
            log.warn("incident follow-through not started: shutting down");
        }
    }

    /** Returns how many incidents needed something. */
    int resume(Instant startedAt) {
        int resumed = 0;
        for (Incident i : repository.findOpen()) {
            if (!i.openedAt().isBefore(startedAt)) {
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
