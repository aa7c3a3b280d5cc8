package cn.ebillops.report;

import static cn.ebillops.word.Word.heading;
import static cn.ebillops.word.Word.paragraph;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.word.WordCharts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Tablespace and disk usage over the recent inspections as line charts, one per check (per database,
 * per server), each object a line and the 90 % limit drawn: the figures the details table shows,
 * read from the same stored results.
 */
final class UsageTrendCharts {

    static final String SUFFIX = " 使用率(%)";
    static final String LIMIT = "90% 上限";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private UsageTrendCharts() {
    }

    /** {@code runs}: oldest first, ending with the report's own run. */
    static void write(XWPFDocument doc, List<InspectionRun> runs, ZoneId zone) {
        heading(doc, "（二）表空间与磁盘使用率趋势", 2);
        Map<String, String> checks = new LinkedHashMap<>();
        runs.get(runs.size() - 1).results().stream().filter(UsageTrendCharts::trended)
                .forEach(r -> checks.put(r.checkId(), r.name().equals(r.target()) ? r.name() : r.name() + "（" + r.target() + "）"));
        if (checks.isEmpty()) {
            paragraph(doc, "本次巡检未包含表空间或磁盘检查。");
            return;
        }
        List<String> days = runs.stream().map(r -> DAY.format(r.startedAt().atZone(zone))).toList();
        for (var check : checks.entrySet()) {
            Set<String> objects = new LinkedHashSet<>();
            runs.forEach(run -> result(run, check.getKey()).ifPresent(r -> r.figures().keySet().stream()
                    .filter(k -> k.endsWith(SUFFIX) && !k.startsWith("最高")).forEach(objects::add)));
            List<WordCharts.Series> series = new ArrayList<>();
            for (String key : objects) {
                List<Double> values = runs.stream().map(run -> result(run, check.getKey())
                        .map(r -> number(r.figures().get(key))).orElse(null)).toList();
                series.add(new WordCharts.Series(key.substring(0, key.length() - SUFFIX.length()), values));
            }
            series.add(new WordCharts.Series(LIMIT, runs.stream().map(r -> 90.0).toList()));
            WordCharts.line(doc, check.getValue() + " 使用率（%）", days, series, 0.0, 100.0);
        }
        paragraph(doc, "横轴为巡检日期（共 %d 次巡检），纵轴为使用率；超过 90%% 上限须扩容或清理。".formatted(runs.size()));
    }

    static boolean trended(CheckResult r) {
        return (r.checkId().startsWith("tablespace:") || r.checkId().startsWith("disk:"))
                && r.figures().keySet().stream().anyMatch(k -> k.endsWith(SUFFIX) && !k.startsWith("最高"));
    }

    private static java.util.Optional<CheckResult> result(InspectionRun run, String checkId) {
        return run.results().stream().filter(r -> r.checkId().equals(checkId)).findFirst();
    }

    private static Double number(String s) {
        try {
            return s == null ? null : Double.valueOf(s.replace("%", "").strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
