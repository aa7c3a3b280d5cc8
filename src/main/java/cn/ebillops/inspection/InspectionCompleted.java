package cn.ebillops.inspection;

/** Event: an inspection finished (monitoring opens or updates incidents from its problems). */
public record InspectionCompleted(InspectionRun run) {
}
