package cn.ebillops.inspection;

import java.util.Set;

/**
 * Runs checks. Used by /inspect, by incidents (diagnosis on open) and by scheduled jobs.
 * Never throws for a failing target: that is a result. Publishes {@link InspectionCompleted}.
 */
public interface Inspector {

    /** Runs the checks of the scopes; {@code trigger} says why ("manual:userid", "incident:12", "schedule:quarterly"…). */
    InspectionRun run(Set<InspectionScope> scopes, String trigger);
}
