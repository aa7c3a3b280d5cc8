package cn.ebillops.incident;

/** Where an incident stands; OPEN and ACKNOWLEDGED are "open" (clocks may run). */
public enum IncidentStatus {
    OPEN("待接单"),
    ACKNOWLEDGED("处理中"),
    RESOLVED("已解决"),
    CLOSED("已关闭");

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
}
