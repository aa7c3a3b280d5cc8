package cn.ebillops.audit;

import cn.ebillops.assistant.Assistant;
import cn.ebillops.assistant.PiiMasker;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;

/**
 * The audit trail: masks patient data, cuts each field to its column, stamps the time and appends the row
 * to the hash chain. Writers of this instance queue on a lock before the database's, so they never wait
 * out the database's lock timeout (H2's is one second); the database lock orders writers of several
 * instances.
 */
@Service
class AuditLog implements AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final AuditStore store;
    private final PiiMasker masker;
    private final Clock clock;
    private final ReentrantLock appending = new ReentrantLock(true);

    AuditLog(AuditStore store, PiiMasker masker, Clock clock) {
        this.store = store;
        this.masker = masker;
        this.clock = clock;
    }

    @Override
    public void record(AuditEntry e) {
        try {
            append(e);
        } catch (DataAccessException | TransactionException ex) {
            log.error("audit row not written: {} {} by {}: {}", e.action(), masker.mask(e.target()), e.actor(),
                    ex.toString());
        }
    }

    /** Appends and returns the stored row; throws when the database refuses. */
    AuditRow append(AuditEntry e) {
        String current = MDC.get(Assistant.ROUTE);
        String route = e.route() != null ? e.route() : current != null ? current : "system";
        appending.lock();
        try {
            return store.append(id -> new AuditRow(id, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    cut(e.actor() == null ? "system" : e.actor(), 100), cut(route, 40), cut(e.action(), 60),
                    cut(e.target() == null ? "" : masked(e.target()), 200), cut(masked(e.before()), 1000), cut(masked(e.after()), 2000),
                    cut(masked(e.outcome()), 500), null, null));
        } finally {
            appending.unlock();
        }
    }

    private String masked(String text) {
        return text == null ? null : masker.mask(text);
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
