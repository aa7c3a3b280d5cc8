package cn.ebillops.inspection;

import java.util.Locale;
import java.util.Optional;

/** What /inspect may be limited to; ALL runs everything. */
public enum InspectionScope {
    ALL("全部"),
    EBILL("电子票据平台接口与功能"),
    DB("数据库表空间"),
    BACKUP("数据备份"),
    DISK("服务器磁盘"),
    LOGS("系统日志"),
    SIGNING("签名验签服务器"),
    PAGES("系统页面与后台");

    private final String label;

    InspectionScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<InspectionScope> parse(String s) {
        try {
            return Optional.of(valueOf(s.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
