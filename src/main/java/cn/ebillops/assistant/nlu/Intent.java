package cn.ebillops.assistant.nlu;

import org.springframework.modulith.NamedInterface;

/** The labels of ../shared/nlu/GUIDELINES.md; names are public API. */
@NamedInterface("nlu")
public enum Intent {
    FAULT_REPORT,
    CONSULTATION,
    STATUS_QUERY,
    INSPECTION_REQUEST,
    DUTY_QUERY,
    INCIDENT_FOLLOWUP,
    OTHER
}
