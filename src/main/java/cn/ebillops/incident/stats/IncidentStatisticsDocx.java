package cn.ebillops.incident.stats;

import cn.ebillops.contract.Severity;
import cn.ebillops.contract.SigningGrade;
import cn.ebillops.incident.IncidentTexts;
import cn.ebillops.incident.availability.AvailabilityReport;
import cn.ebillops.incident.clock.SlaClock;
import cn.ebillops.incident.stats.IncidentStatistics.DurationFigures;
import cn.ebillops.incident.stats.IncidentStatistics.IncidentLine;
import cn.ebillops.word.Word;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Writes the fault statistics as a section of a Word report (quarterly or annual): headings,
 * summary tables and charts, the signing server's fault analysis and the availability with outages.
 * The report module owns the document (cover, page); this only appends a section, with the
 * same Word plumbing ({@link Word}: the Chinese font, headings, fixed-width tables).
 */
public final class IncidentStatisticsDocx {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    public IncidentStatisticsDocx(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Appends the section under the caller's heading 1: sub-sections as heading 2, with charts of the
     * incidents by level and area and of the availability per month ({@code months}, may be empty).
     */
    public void write(XWPFDocument doc, IncidentStatistics s, List<AvailabilityReport> months) {
        Word.heading(doc, "（一）故障处理统计（%s）".formatted(s.periodLabel()), 2);
        Word.paragraph(doc, "本期共受理故障 %d 次，其中未关闭 %d 次；合同时限超时 %d 次。%s".formatted(s.total(), s.open(),
                s.breachCount(), IncidentStatisticsService.withdrawnNote(s)));

        table(doc, List.of("故障级别", "次数"), new int[]{50, 50}, Arrays.stream(Severity.values())
                .map(v -> List.of(v.describe(), String.valueOf(s.bySeverity().get(v)))).toList());
        table(doc, List.of("故障范围", "次数"), new int[]{50, 50}, s.byArea().entrySet().stream()
                .filter(e -> e.getValue() > 0).map(e -> List.of(e.getKey().label(), String.valueOf(e.getValue()))).toList());
        StatisticsCharts.incidents(doc, s);
        table(doc, List.of("指标", "单数", "平均", "最长"), new int[]{40, 15, 20, 25}, List.of(
                figures("接单响应用时（合同 30 分钟）", s.acknowledge()), figures("解决用时", s.resolve())));
        table(doc, List.of("时限", "超时次数"), new int[]{50, 50}, Arrays.stream(SlaClock.values())
                .map(c -> List.of(c.label() + "时限", String.valueOf(s.breaches().get(c)))).toList());

        Word.heading(doc, "（二）系统正常运转时间", 2);
        AvailabilityReport a = s.availability();
        Word.paragraph(doc, "合同要求 ≥%s%%。本期：%s；中断 %d 次，共 %s；维护窗口（不计入）%s。".formatted(trim(a.target()),
                a.describe(), a.outages().size(), IncidentTexts.duration(a.down()),
                IncidentTexts.duration(a.maintenanceExcluded())));
        StatisticsCharts.availability(doc, months, a.target());
        if (!a.outages().isEmpty()) {
            table(doc, List.of("开始", "结束", "时长", "异常项"), new int[]{22, 22, 16, 40}, a.outages().stream()
                    .map(o -> List.of(AT.format(o.from().atZone(zone)), AT.format(o.to().atZone(zone)),
                            IncidentTexts.duration(o.length()), o.detail())).toList());
        }

        Word.heading(doc, "（三）签名验签服务器故障统计分析", 2);
        IncidentStatistics.SigningAnalysis sg = s.signing();
        table(doc, List.of("故障级别", "定义", "次数"), new int[]{15, 70, 15}, Arrays.stream(SigningGrade.values())
                .map(g -> List.of(g.label(), g.wording(), String.valueOf(sg.byGrade().get(g)))).toList());
        Word.paragraph(doc, sg.conclusion());

        if (!s.incidents().isEmpty()) {
            Word.heading(doc, "（四）故障明细", 2);
            table(doc, List.of("编号", "时间", "级别", "范围", "响应", "解决", "原因", "超时"),
                    new int[]{7, 16, 8, 11, 10, 10, 26, 12}, s.incidents().stream().map(this::row).toList());
        }
    }

    private List<String> row(IncidentLine l) {
        return List.of("#" + l.number(), AT.format(l.openedAt().atZone(zone)), l.severity().label(), l.area().label(),
                l.timeToAcknowledge().map(IncidentTexts::duration).orElse("—"),
                l.timeToResolve().map(IncidentTexts::duration).orElse("未解决"), l.cause(),
                l.breached().isEmpty() ? "无" : l.breached().stream().map(SlaClock::label).collect(Collectors.joining("、")));
    }

    private static List<String> figures(String name, DurationFigures f) {
        return List.of(name, String.valueOf(f.count()), f.mean().map(IncidentTexts::duration).orElse("—"),
                f.worst().map(IncidentTexts::duration).orElse("—")
                        + f.worstIncident().map(n -> "（#" + n + "）").orElse(""));
    }

    /** A table with a header row; an empty paragraph after it keeps the next table apart. */
    private static void table(XWPFDocument doc, List<String> header, int[] percents, List<List<String>> rows) {
        XWPFTable t = Word.table(doc, rows.size() + 1, percents);
        Word.header(t.getRow(0), header.toArray(String[]::new));
        for (int i = 0; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            for (int c = 0; c < cells.size(); c++) {
                Word.cell(t.getRow(i + 1).getCell(c), cells.get(c), false, null, null);
            }
        }
        doc.createParagraph();
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
