package cn.ebillops.inspection;

import cn.ebillops.config.ConfigNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Usage thresholds in percent (contract: &lt; 90 %); read from a target's warnPercent/failPercent. */
public record Thresholds(double warnPercent, double failPercent) {

    public static final Thresholds DEFAULT = new Thresholds(85, 90);

    public static Thresholds read(ConfigNode target) {
        double warn = target.decimal("warnPercent", DEFAULT.warnPercent, 1, 100);
        double fail = target.decimal("failPercent", DEFAULT.failPercent, 1, 100);
        if (warn > fail) {
            throw target.error("warnPercent", warn, "不大于 failPercent（" + fail + "）的百分比");
        }
        return new Thresholds(warn, fail);
    }

    public CheckStatus classify(double percent) {
        if (percent >= failPercent) {
            return CheckStatus.FAIL;
        }
        return percent >= warnPercent ? CheckStatus.WARN : CheckStatus.OK;
    }

    /** Two decimals, so that 89.6 % is not shown as 90 %. */
    public static String pct(double percent) {
        return BigDecimal.valueOf(percent).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    public static double percent(long used, long total) {
        return total <= 0 ? 0 : used * 100.0 / total;
    }

    public static String bytes(long b) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double v = b;
        int u = 0;
        while (Math.abs(v) >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? b + " B" : BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + units[u];
    }
}
