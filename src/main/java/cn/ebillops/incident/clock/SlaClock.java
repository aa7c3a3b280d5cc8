package cn.ebillops.incident.clock;

import org.springframework.modulith.NamedInterface;

/** The contract's clocks on one incident; named so that readers of {@code Incident#runningDeadline} may say which. */
@NamedInterface("clock")
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
