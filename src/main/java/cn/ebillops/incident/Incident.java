package cn.ebillops.incident;

import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.contract.SigningGrade;
import cn.ebillops.incident.clock.SlaClock;
import java.time.Instant;
import java.util.Optional;

/**
 * One fault: its contract level and area, who reported it and where, and the clocks' deadlines.
 * {@code number} is the human number used in chat ("故障单 #12") and in commands.
 */
public record Incident(long number, Severity severity, Area area, IncidentStatus status, Source source,
                       String summary, String chatId, String openedBy, Instant openedAt, boolean serviceStopped,
                       Instant onsiteRequiredAt, Instant acknowledgedAt, String acknowledgedBy, Instant onsiteAt,
                       String onsiteBy, Instant resolvedAt, String resolvedBy, String cause, Instant closedAt,
                       String closedBy, Instant responseDeadline, Instant resolutionDeadline,
                       Instant onsiteDeadline, Instant loanerDeadline) {

    /** CHAT: reported by a person; MONITOR: opened by a failing check. */
    public enum Source { CHAT, MONITOR }

    /**
     * A new incident as it is opened: open, nothing acknowledged, on site or resolved yet, and no
     * on-site clock (it starts when a visit is needed). The number is 0 until the repository stores it.
     */
    static Incident opened(Severity severity, Area area, Source source, String summary, String chatId,
                           String openedBy, Instant openedAt, Instant responseDeadline, Instant resolutionDeadline,
                           Instant loanerDeadline) {
        return new Incident(0, severity, area, IncidentStatus.OPEN, source, summary, chatId, openedBy, openedAt,
                false, null, null, null, null, null, null, null, null, null, null,
                responseDeadline, resolutionDeadline, null, loanerDeadline);
    }

    public String ref() {
        return "#" + number;
    }

    public Optional<SigningGrade> signingGrade() {
        return SigningGrade.of(area, severity, serviceStopped);
    }

    /** The deadline of a clock while it runs; empty when it never started or has stopped. */
    public Optional<Instant> runningDeadline(SlaClock clock) {
        if (!status.isOpen()) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (clock) {
            case RESPONSE -> acknowledgedAt == null ? responseDeadline : null;
            case ONSITE -> onsiteAt == null ? onsiteDeadline : null;
            case RESOLUTION -> resolutionDeadline;
            case LOANER -> loanerDeadline;
        });
    }

    /** The deadline a clock had, whether or not it still runs. */
    public Optional<Instant> deadline(SlaClock clock) {
        return Optional.ofNullable(switch (clock) {
            case RESPONSE -> responseDeadline;
            case ONSITE -> onsiteDeadline;
            case RESOLUTION -> resolutionDeadline;
            case LOANER -> loanerDeadline;
        });
    }

    /** When the clock stopped (the promise kept), or null while running. */
    public Instant stoppedAt(SlaClock clock) {
        return switch (clock) {
            case RESPONSE -> acknowledgedAt != null ? acknowledgedAt : resolvedAt;
            case ONSITE -> onsiteAt;
            case RESOLUTION, LOANER -> resolvedAt;
        };
    }

    /** True when the clock's deadline passed before it stopped (or it is still running past it at {@code now}). */
    public boolean breached(SlaClock clock, Instant now) {
        Instant deadline = deadline(clock).orElse(null);
        if (deadline == null) {
            return false;
        }
        Instant stopped = stoppedAt(clock);
        if (stopped == null && !status.isOpen()) {
            stopped = closedAt; // closed without the step: judged at closing
        }
        return (stopped != null ? stopped : now).isAfter(deadline);
    }
}
