package cn.ebillops.assistant.nlu;

/** The labels of ../shared/nlu/GUIDELINES.md; names are public API. */
public enum Intent {
    FAULT_REPORT,
    CONSULTATION,
    STATUS_QUERY,
    INSPECTION_REQUEST,
    DUTY_QUERY,
    INCIDENT_FOLLOWUP,
    OTHER
}
