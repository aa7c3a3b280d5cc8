package cn.ebillops.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.ebillops.config.BotConfigLoader;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.contract.SigningGrade;
import cn.ebillops.incident.ReportPeriod;
import cn.ebillops.incident.availability.AvailabilityReport;
import cn.ebillops.incident.clock.SlaClock;
import cn.ebillops.incident.stats.IncidentStatistics;
import cn.ebillops.incident.stats.IncidentStatisticsService;
import cn.ebillops.testsupport.TestBotConfig;
import cn.ebillops.word.ChartReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The annual report as Word opens it: the year's statistics with the quarterly report's styles, header and charts. */
class AnnualReportWriterTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static XWPFDocument doc;
    static String text;

    /** The year's figures: 2 × I, 3 × II, 1 × III; availability 99.00 %, 99.05 %, … 99.55 % per month. */
    @BeforeAll
    static void write() throws Exception {
        ReportPeriod year = ReportPeriod.year(2026, ZONE);
        IncidentStatisticsService statistics = mock(IncidentStatisticsService.class);
        when(statistics.statistics(year)).thenReturn(figures(year));
        when(statistics.monthlyAvailability(year)).thenReturn(months());
        AnnualReportWriter writer = new AnnualReportWriter(BotConfigLoader.load(TestBotConfig.files().read("hospital.yaml")),
                statistics, Clock.fixed(Instant.parse("2027-01-05T02:00:00Z"), ZONE));
        byte[] docx = writer.write(2026);
        Path out = Path.of("target/report-sample/annual-report.docx");
        Files.createDirectories(out.getParent());
        Files.write(out, docx);
        doc = new XWPFDocument(new ByteArrayInputStream(docx));
        text = new XWPFWordExtractor(doc).getText();
    }

    static IncidentStatistics figures(ReportPeriod year) {
        Map<Severity, Long> levels = new EnumMap<>(Map.of(Severity.I, 2L, Severity.II, 3L, Severity.III, 1L));
        Map<Area, Long> areas = new EnumMap<>(Area.class);
        for (Area a : Area.values()) {
            areas.put(a, 0L);
        }
        areas.put(Area.SIGNING, 4L);
        areas.put(Area.SYSTEM, 2L);
        Map<SlaClock, Long> breaches = new EnumMap<>(SlaClock.class);
        for (SlaClock c : SlaClock.values()) {
            breaches.put(c, 0L);
        }
        Map<SigningGrade, Long> grades = new EnumMap<>(SigningGrade.class);
        for (SigningGrade g : SigningGrade.values()) {
            grades.put(g, 0L);
        }
        var none = new IncidentStatistics.DurationFigures(0, Optional.empty(), Optional.empty(), Optional.empty());
        return new IncidentStatistics(year.label(), year.from(), year.to(), 6, levels, areas, 0, none, none, breaches,
                List.of(), new IncidentStatistics.SigningAnalysis(0, grades, 0, none, List.of(), "全年签名验签服务器运行平稳。"),
                month(YearMonth.of(2026, 1), 99.5), 0);
    }

    static List<AvailabilityReport> months() {
        List<AvailabilityReport> out = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            out.add(month(YearMonth.of(2026, m), 99.0 + (m - 1) * 0.05));
        }
        return out;
    }

    static AvailabilityReport month(YearMonth m, double percent) {
        ReportPeriod p = ReportPeriod.month(m, ZONE);
        return new AvailabilityReport(p.label(), p.from(), p.to(), 1000, Duration.ofDays(30), Duration.ZERO,
                Duration.ZERO, percent, 99.0, List.of());
    }

    private static List<String> styled(String style) {
        return doc.getParagraphs().stream().filter(p -> style.equals(p.getStyle())).map(XWPFParagraph::getText).toList();
    }

    private static XWPFChart chart(String title) {
        return doc.getCharts().stream().filter(c -> ChartReader.title(c).equals(title)).findFirst().orElseThrow();
    }

    @Test
    void sectionsAreHeadingStylesAndEveryPageCarriesTheReportNumber() {
        assertThat(styled("Heading1")).containsExactly("一、故障处理与系统正常运转时间（合同一.17–18、二.3–4）");
        assertThat(styled("Heading2")).contains("（一）故障处理统计（2026年）", "（二）系统正常运转时间");
        assertThat(doc.getHeaderList().get(0).getText()).contains("梅州市中医医院").contains("报告编号：NB-2026");
        assertThat(doc.getFooterList().get(0)._getHdrFtr().xmlText()).contains(" PAGE ").contains(" NUMPAGES ");
        assertThat(text).contains(AnnualReportWriter.TITLE, "NB-2026", "2026-01-01 至 2026-12-31");
        assertThat(doc.getTables().get(doc.getTables().size() - 1).getText()).contains("服务商（盖章）", "医院信息科确认");
    }

    @Test
    void availabilityChartHasTwelveMonthlyPoints() {
        List<String> points = ChartReader.points(chart("各月系统正常运转时间（%）"), 0);
        assertThat(points).hasSize(12);
        assertThat(points.get(0)).isEqualTo("2026年1月=99.0");
        assertThat(points.get(11)).isEqualTo("2026年12月=99.55");
    }

    @Test
    void levelAndAreaChartsCountTheYearsIncidents() {
        assertThat(ChartReader.points(chart("按故障级别统计"), 0))
                .containsExactly(Severity.I.label() + "=2.0", Severity.II.label() + "=3.0", Severity.III.label() + "=1.0");
        assertThat(ChartReader.points(chart("按故障范围统计"), 0))
                .contains(Area.SIGNING.label() + "=4.0", Area.SYSTEM.label() + "=2.0");
    }
}
