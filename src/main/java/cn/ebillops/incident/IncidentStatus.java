package cn.ebillops.incident;

/**
 * Where an incident stands; OPEN and ACKNOWLEDGED are "open" (clocks may run). WITHDRAWN: opened by
 * mistake and taken back (not a fault: kept on record, left out of the statistics).
 */
public enum IncidentStatus {
    OPEN("待接单"),
    ACKNOWLEDGED("处理中"),
    RESOLVED("已解决"),
    CLOSED("已关闭"),
    WITHDRAWN("已撤销");

    private final String label;

    IncidentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return this == OPEN || this == ACKNOWLEDGED;
    }

    /** Counted as a fault in statistics and availability (a withdrawn report was none). */
    public boolean isFault() {
        return this != WITHDRAWN;
    }
}
