package cn.ebillops.incident.stats;

import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.incident.availability.AvailabilityReport;
import cn.ebillops.word.Word;
import cn.ebillops.word.WordCharts;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** The statistics section's native Word charts, from the same figures its tables show. */
final class StatisticsCharts {

    static final String BY_LEVEL = "按故障级别统计";
    static final String BY_AREA = "按故障范围统计";
    static final String AVAILABILITY = "各月系统正常运转时间（%）";

    private StatisticsCharts() {
    }

    static void incidents(XWPFDocument doc, IncidentStatistics s) {
        List<Severity> levels = Arrays.asList(Severity.values());
        WordCharts.bar(doc, BY_LEVEL, levels.stream().map(Severity::label).toList(), List.of(new WordCharts.Series("故障次数",
                levels.stream().map(l -> (double) s.bySeverity().getOrDefault(l, 0L)).toList())));
        List<Area> areas = Arrays.asList(Area.values());
        WordCharts.bar(doc, BY_AREA, areas.stream().map(Area::label).toList(), List.of(new WordCharts.Series("故障次数",
                areas.stream().map(a -> (double) s.byArea().getOrDefault(a, 0L)).toList())));
    }

    /** One point per month with probe data; the contract's target as a second line. */
    static void availability(XWPFDocument doc, List<AvailabilityReport> months, double target) {
        List<AvailabilityReport> measured = months.stream().filter(AvailabilityReport::hasData).toList();
        if (measured.isEmpty()) {
            Word.paragraph(doc, "本期没有探测数据，无法绘制各月正常运转时间图。");
            return;
        }
        double low = Math.min(target, measured.stream().mapToDouble(AvailabilityReport::percent).min().orElse(target));
        WordCharts.line(doc, AVAILABILITY, measured.stream().map(AvailabilityReport::periodLabel).toList(), List.of(
                new WordCharts.Series("正常运转时间", measured.stream().map(m -> round(m.percent())).toList()),
                new WordCharts.Series("合同目标", measured.stream().map(m -> target).toList())),
                Math.max(0, Math.floor(low - 1)), 100.0);
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
