package cn.ebillops.dashboard;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.InspectionRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures that trend across inspections, read from the results' figures as the checks wrote them:
 * the tablespace and disk checks' highest usage and the certificate checks' days left.
 */
final class InspectionTrends {

    /** The contract's limit for tablespace and disk usage (一.5, 一.6, 一.8: "少于90%"). */
    static final double USAGE_LIMIT = 90.0;
    static final String WORST_USAGE = "最高使用率(%)";
    static final String DAYS_LEFT = "剩余天数";

    private InspectionTrends() {
    }

    static List<InspectionsView.Trend> of(List<InspectionRun> runs) {
        return List.of(
                trend("表空间使用率", "%", USAGE_LIMIT, runs, "tablespace:", WORST_USAGE),
                trend("磁盘使用率", "%", USAGE_LIMIT, runs, "disk:", WORST_USAGE),
                trend("证书剩余天数", "天", null, runs, "", DAYS_LEFT));
    }

    private static InspectionsView.Trend trend(String title, String unit, Double line, List<InspectionRun> runs,
                                               String checkPrefix, String figure) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (InspectionRun run : runs) {
            for (CheckResult r : run.results()) {
                if (!r.checkId().startsWith(checkPrefix)) {
                    continue;
                }
                Double value = number(r.figures().get(figure));
                if (value != null) {
                    series.computeIfAbsent(r.name() + "（" + r.target() + "）", k -> new ArrayList<>())
                            .add(new double[] {run.startedAt().toEpochMilli(), value});
                }
            }
        }
        return new InspectionsView.Trend(title, unit, line,
                series.entrySet().stream().map(e -> new InspectionsView.Series(e.getKey(), e.getValue())).toList());
    }

    private static Double number(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Double.valueOf(s.trim());
        } catch (NumberFormatException e) {
            // a figure that is not a number (e.g. "1.2 GB") does not trend
            return null;
        }
    }
}
