package cn.ebillops.contract;

import java.util.Optional;

/**
 * The contract's grades for the signing server (二.4). Mapping from the general levels:
 * I (宕机) → 严重; II with the authentication service stopped (diagnosis found every signing
 * check failing, or an engineer set level I) → 严重; other II → 一般; III → 轻微.
 * 严重 and 一般 carry a loaner-device deadline (24 h / 48 h by default); 轻微 none.
 */
public enum SigningGrade {
    SEVERE("严重", "安全认证支撑系统停止服务，无法提供认证服务，造成业务中断"),
    GENERAL("一般", "安全认证支撑系统出现故障，影响认证服务的部分功能"),
    MINOR("轻微", "安全认证支撑系统效率下降，系统响应速度慢，或需调整证书应用、迁移设备");

    private final String label;
    private final String wording;

    SigningGrade(String label, String wording) {
        this.label = label;
        this.wording = wording;
    }

    public String label() {
        return label;
    }

    public String wording() {
        return wording;
    }

    public static Optional<SigningGrade> of(Area area, Severity severity, boolean serviceStopped) {
        if (area != Area.SIGNING) {
            return Optional.empty();
        }
        return Optional.of(switch (severity) {
            case I -> SEVERE;
            case II -> serviceStopped ? SEVERE : GENERAL;
            case III -> MINOR;
        });
    }
}
