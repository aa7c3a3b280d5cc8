package cn.ebillops.incident;

import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.contract.SigningGrade;
import java.time.Instant;

/**
 * The contract's deadline rules, apart from the lifecycle so they can be tested alone. Every
 * deadline counts from the opening of the incident: a later level change or a diagnosis moves the
 * deadline, never the point it is counted from.
 */
record IncidentDeadlines(IncidentSettings settings) {

    Instant response(Instant openedAt) {
        return openedAt.plus(settings.responseDeadline());
    }

    Instant resolution(Severity severity, Instant openedAt) {
        return openedAt.plus(settings.resolutionTarget(severity));
    }

    /** The on-site clock is the exception: it counts from the moment the fault needs a visit. */
    Instant onsite(Instant onsiteRequiredAt) {
        return onsiteRequiredAt.plus(settings.onsiteDeadline());
    }

    /** The loaner-device (备用设备) deadline of a signing-server fault; null for other areas and 轻微. */
    Instant loaner(Area area, Severity severity, boolean serviceStopped, Instant openedAt) {
        return SigningGrade.of(area, severity, serviceStopped).map(g -> switch (g) {
            case SEVERE -> openedAt.plus(settings.loanerSevere());
            case GENERAL -> openedAt.plus(settings.loanerGeneral());
            case MINOR -> null;
        }).orElse(null);
    }

    /**
     * The earliest instant a report (or the incident's latest report) may have been made for a new
     * report at {@code now} to join it: exactly one merge window back counts as inside the window.
     */
    Instant mergeSince(Instant now) {
        return now.minus(settings.mergeWindow());
    }
}
