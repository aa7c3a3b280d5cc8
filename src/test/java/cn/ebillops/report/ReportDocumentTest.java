package cn.ebillops.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.config.BotConfigLoader;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionProperties;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.SampleRunsAccess;
import cn.ebillops.llm.ImprovementWriter;
import cn.ebillops.testsupport.TestBotConfig;
import cn.ebillops.word.ChartReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The inspection report as a hospital opens it in Word: styles, contents, header, footer, seal, order, labels, charts. */
class ReportDocumentTest {

    static byte[] docx;
    static XWPFDocument doc;
    static String text;

    /** The sample run plus an e-bill check whose figures carry the platform's API names. */
    static InspectionRun run() {
        InspectionRun c = SampleRunsAccess.current();
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("getEBillStatesByBillInfo 响应ms", "120");
        figures.put("getEBillStatesByBillInfo 结果码", "S0000");
        figures.put("签名耗时ms", "8");
        List<CheckResult> results = new ArrayList<>(c.results());
        results.add(0, new CheckResult("ebill:平台:query", "票据查询接口", List.of(4), "电子票据平台", CheckStatus.OK, figures,
                "接口可达，返回 S0000（getEBillStatesByBillInfo，120 ms）", "", Duration.ofMillis(130)));
        return new InspectionRun(c.id(), c.scopes(), c.trigger(), c.startedAt(), c.finishedAt(), results);
    }

    @BeforeAll
    static void write() throws Exception {
        InspectionReportWriter writer = new InspectionReportWriter(BotConfigLoader.load(TestBotConfig.files().read("hospital.yaml")),
                new InspectionProperties(Duration.ofSeconds(60), "http://127.0.0.1:8080", ""),
                Clock.system(ZoneId.of("Asia/Shanghai")),
                new ReportExtras(new cn.ebillops.incident.IncidentFixture().statistics(Clock.systemUTC()),
                        new ImprovementWriter(null, null, null, null), Clock.systemUTC()),
                (run, max) -> List.of(SampleRunsAccess.previous()));
        docx = writer.write(run(), Optional.of(SampleRunsAccess.previous()));
        Path out = Path.of("target/report-sample/inspection-report.docx");
        Files.createDirectories(out.getParent());
        Files.write(out, docx);
        doc = new XWPFDocument(new ByteArrayInputStream(docx));
        text = new XWPFWordExtractor(doc).getText();
    }

    private static List<String> styled(String style) {
        return doc.getParagraphs().stream().filter(p -> style.equals(p.getStyle())).map(XWPFParagraph::getText).toList();
    }

    @Test
    void sectionsAreRealHeadingStylesListedInATableOfContentsWordUpdatesOnOpen() {
        assertThat(styled("Heading1")).containsExactly("一、巡检结论", "二、巡检项目汇总（对应服务合同）", "三、检查明细",
                "四、改进建议（合同第 10 项）", "五、与上次巡检对比及趋势", "六、故障处理与系统正常运转时间（合同一.17–18、二.3–4）");
        assertThat(styled("Heading2")).contains("（一）发现问题的项目（5 项）", "（二）表空间与磁盘使用率趋势", "（二）系统正常运转时间");
        assertThat(doc.getStyles().getStyle("Heading1").getCTStyle().getPPr().getOutlineLvl().getVal().intValue()).isZero();
        String body = doc.getDocument().xmlText();
        assertThat(body).contains("TOC \\o \"1-2\" \\h \\z \\u").contains("PAGEREF _Toc00000001");
        assertThat(styled("TOC1")).first().asString().startsWith("一、巡检结论");
        assertThat(styled("TOC2")).contains("（一）发现问题的项目（5 项）\t");
        assertThat(doc.getSettings().getCTSettings().isSetUpdateFields()).isTrue();
    }

    @Test
    void everyPageHasTheHospitalAndReportNumberAboveAndPageXOfYBelow() {
        String header = doc.getHeaderList().get(0).getText();
        assertThat(header).contains("梅州市中医医院").contains("报告编号：XJ-2026Q4-0012").doesNotContain("${");
        String footer = doc.getFooterList().get(0)._getHdrFtr().xmlText();
        assertThat(footer).contains(" PAGE ").contains(" NUMPAGES ");
        assertThat(doc.getFooterList().get(0).getText()).contains("第").contains("页 共").contains("页");
        assertThat(text).contains("XJ-2026Q4-0012");
    }

    @Test
    void reportEndsWithTheVendorSealAndSignatureArea() {
        var seal = doc.getTables().get(doc.getTables().size() - 1).getText();
        assertThat(seal).contains("服务商（盖章）：电子票据运维服务商", "工程师签字", "医院信息科确认", "日期");
    }

    @Test
    void problemsComeBeforeNormalItemsFailuresFirst() {
        List<String> checks = styled("Heading3");
        assertThat(checks).hasSize(9);
        assertThat(checks.subList(0, 5)).allMatch(h -> !h.contains("【正常】"));
        assertThat(checks.get(0)).contains("【异常】");
        assertThat(checks.get(4)).contains("【无法检查】");
        assertThat(checks.subList(5, 9)).allMatch(h -> h.contains("【正常】"));
    }

    @Test
    void noApiFieldNamesReachTheReport() {
        assertThat(ReportLabels.rawNames()).allSatisfy(raw -> assertThat(text).doesNotContain(raw));
        assertThat(text).doesNotContain("响应ms").doesNotContain("耗时ms").doesNotContain("(%)")
                .contains("票据状态查询响应时间（毫秒）").contains("票据状态查询结果码").contains("签名耗时（毫秒）");
    }

    @Test
    void suggestionsHavePriorityOwnerAndDeadline() {
        var table = doc.getTables().stream().filter(t -> t.getRow(0).getCell(2) != null
                && t.getRow(0).getCell(2).getText().equals("优先级")).findFirst().orElseThrow();
        assertThat(table.getRow(0).getTableCells()).extracting(c -> c.getText())
                .containsExactly("序号", "建议", "优先级", "责任人", "完成期限");
        var backup = table.getRows().stream().filter(r -> r.getCell(1).getText().contains("备份可能已停止")).findFirst().orElseThrow();
        // a failure: high priority, a week after the inspection of 2026-11-25
        assertThat(backup.getCell(2).getText()).isEqualTo("高");
        assertThat(backup.getCell(3).getText()).isEqualTo("张工");
        assertThat(backup.getCell(4).getText()).isEqualTo("2026-12-02");
        var unchecked = table.getRows().stream().filter(r -> r.getCell(1).getText().contains("无法检查")).findFirst().orElseThrow();
        assertThat(unchecked.getCell(3).getText()).isEqualTo("张工（医院信息科配合）");
        assertThat(unchecked.getCell(4).getText()).isEqualTo("2026-12-25");
    }

    @Test
    void usageTrendChartsShowTheStoredFiguresOfThePreviousAndThisInspection() {
        var charts = doc.getCharts();
        var titles = charts.stream().map(ChartReader::title).toList();
        assertThat(titles).contains("数据库用户表空间使用率（ebill-oracle） 使用率（%）", "按故障级别统计", "按故障范围统计");
        var user = charts.get(titles.indexOf("数据库用户表空间使用率（ebill-oracle） 使用率（%）"));
        assertThat(ChartReader.seriesNames(user)).containsExactly("EBILL_DATA", UsageTrendCharts.LIMIT);
        assertThat(ChartReader.points(user, 0)).containsExactly("08-20=78.4", "11-25=86.12");
        assertThat(ChartReader.points(user, 1)).containsExactly("08-20=90.0", "11-25=90.0");
        var disk = charts.get(titles.indexOf("服务器磁盘空间（10.0.0.8）（应用服务器） 使用率（%）"));
        assertThat(ChartReader.points(disk, 0)).containsExactly("08-20=86.0", "11-25=92.34");
    }
}
