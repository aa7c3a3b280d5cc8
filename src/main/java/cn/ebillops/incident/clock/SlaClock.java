package cn.ebillops.incident.clock;

/** The contract's clocks on one incident. */
public enum SlaClock {
    RESPONSE("响应"),
    ONSITE("上门"),
    RESOLUTION("解决"),
    LOANER("备用设备");

    private final String label;

    SlaClock(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
