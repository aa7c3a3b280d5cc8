package cn.ebillops.incident;

import cn.ebillops.contract.SigningGrade;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.incident.availability.AvailabilityReport;
import cn.ebillops.incident.availability.AvailabilitySample;
import cn.ebillops.incident.availability.AvailabilityService;
import cn.ebillops.incident.clock.SlaClock;
import cn.ebillops.incident.stats.IncidentStatistics;
import cn.ebillops.incident.stats.IncidentStatisticsDocx;
import cn.ebillops.word.ChartReader;
import cn.ebillops.incident.stats.IncidentStatisticsService;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionCompleted;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.word.Word;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

class AvailabilityAndStatisticsTest extends IncidentSpringTestBase {

    /** 2026-11-25 00:00 Beijing time. */
    static final Instant DAY = Instant.parse("2026-11-24T16:00:00Z");

    @Autowired AvailabilityService availability;
    @Autowired IncidentStatisticsService statistics;
    @Autowired ApplicationEventPublisher events;

    @Test
    void probeRecordsUpAndDownThroughTheInspector() {
        assertThat(availability.probe()).get().extracting(AvailabilitySample::up).isEqualTo(true);
        inspector.set(InspectionScope.SIGNING, CheckStatus.FAIL);
        clock.advance(Duration.ofMinutes(1));
        AvailabilitySample down = availability.probe().orElseThrow();
        assertThat(down.up()).isFalse();
        assertThat(down.detail()).contains("签名验签服务器检查", "异常");
        assertThat(inspector.triggers()).containsOnly("probe:availability");
        assertThat(say("huangwei", "wr_it", "/status")).contains("**异常**", "本月系统正常运转时间");
    }

    @Test
    void availabilityPerPeriodExcludesMaintenanceAndListsOutages() {
        clock.set(DAY.plus(Duration.ofDays(1)));
        for (int m = 0; m < 1440; m++) {
            boolean down = m >= 600 && m < 630; // 10:00–10:30 down
            availability.record(new AvailabilitySample(DAY.plus(Duration.ofMinutes(m)), !down, down ? "开票接口异常" : ""));
        }
        AvailabilityReport before = availability.report("11-25", DAY, DAY.plus(Duration.ofDays(1)));
        assertThat(before.down()).isEqualTo(Duration.ofMinutes(30));
        assertThat(before.percent()).isCloseTo(100.0 * 1410 / 1440, org.assertj.core.data.Offset.offset(0.001));
        assertThat(before.meetsTarget()).isFalse();
        assertThat(before.outages()).singleElement().satisfies(o -> {
            assertThat(o.from()).isEqualTo(DAY.plus(Duration.ofMinutes(600)));
            assertThat(o.length()).isEqualTo(Duration.ofMinutes(30));
        });

        assertThat(say("chenxia", "wr_it", "/maintenance 2026-11-25T10:00 2026-11-25T10:20 升级")).contains("只有运维工程师");
        assertThat(say("zhanggong", "wr_it", "/maintenance 2026-11-25T10:00 2026-11-25T10:20 系统升级"))
                .contains("已登记维护窗口");
        AvailabilityReport after = availability.report("11-25", DAY, DAY.plus(Duration.ofDays(1)));
        assertThat(after.down()).isEqualTo(Duration.ofMinutes(10));
        assertThat(after.maintenanceExcluded()).isEqualTo(Duration.ofMinutes(20));
        assertThat(after.percent()).isCloseTo(100.0 * 1410 / 1420, org.assertj.core.data.Offset.offset(0.001));
        assertThat(after.meetsTarget()).isTrue();
        assertThat(after.describe()).contains("达标");
    }

    @Test
    void eachKeyFunctionHasItsOwnFigureByTheSameRuleAndTheCombinedOneIsUnchanged() {
        clock.set(DAY.plus(Duration.ofDays(1)));
        for (int m = 0; m < 1440; m++) {
            Instant at = DAY.plus(Duration.ofMinutes(m));
            boolean signingDown = m >= 600 && m < 630; // only the signing server is down 10:00–10:30
            availability.record(new AvailabilitySample(at, !signingDown, signingDown ? "签名验签服务器异常" : ""));
            availability.record(InspectionScope.SIGNING, new AvailabilitySample(at, !signingDown, signingDown ? "签名验签服务器异常" : ""));
            availability.record(InspectionScope.EBILL, new AvailabilitySample(at, true, ""));
        }
        ReportPeriod day = new ReportPeriod("11-25", java.time.LocalDate.of(2026, 11, 25),
                java.time.LocalDate.of(2026, 11, 26), cn.ebillops.infra.InfraConfig.ZONE);
        AvailabilityReport combined = availability.report(day);
        assertThat(combined.down()).isEqualTo(Duration.ofMinutes(30));
        assertThat(combined.samples()).as("the per-function samples do not count in the contract's figure").isEqualTo(1440);
        assertThat(combined.percent()).isCloseTo(100.0 * 1410 / 1440, org.assertj.core.data.Offset.offset(0.001));

        Map<InspectionScope, AvailabilityReport> perFunction = availability.reportPerFunction(day);
        assertThat(perFunction).containsOnlyKeys(InspectionScope.EBILL, InspectionScope.SIGNING);
        AvailabilityReport signing = perFunction.get(InspectionScope.SIGNING);
        assertThat(signing.down()).isEqualTo(Duration.ofMinutes(30));
        assertThat(signing.percent()).isEqualTo(combined.percent());
        assertThat(signing.outages()).singleElement().satisfies(o -> assertThat(o.from()).isEqualTo(DAY.plus(Duration.ofMinutes(600))));
        AvailabilityReport ebill = perFunction.get(InspectionScope.EBILL);
        assertThat(ebill.samples()).isEqualTo(1440);
        assertThat(ebill.down()).isZero();
        assertThat(ebill.percent()).isEqualTo(100.0);
        assertThat(availability.latest()).get().extracting(AvailabilitySample::up).isEqualTo(true);
    }

    @Test
    void aGapLongerThanTwoProbeIntervalsIsUnobservedNotUp() {
        clock.set(DAY.plus(Duration.ofDays(1)));
        availability.record(new AvailabilitySample(DAY, true, ""));
        availability.record(new AvailabilitySample(DAY.plus(Duration.ofHours(1)), false, "签名验签服务器异常"));
        AvailabilityReport r = availability.report("x", DAY, DAY.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(1)));
        assertThat(r.observed()).isEqualTo(Duration.ofMinutes(3)); // 2 min after the first, 1 min for the last
        assertThat(r.down()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void monitoringFailureOpensAnIncidentByItselfAndRepeatsStayQuiet() throws Exception {
        String checkId = "signing:svs-" + UUID.randomUUID();
        InspectionRun run = new InspectionRun(1, Set.of(InspectionScope.SIGNING), "schedule:daily", clock.instant(),
                clock.instant(), List.of(new CheckResult(checkId, "签名验签往返", List.of(0), "svs-main", CheckStatus.FAIL,
                Map.of(), "连接超时", "检查服务器电源与网络", Duration.ofSeconds(3))));
        events.publishEvent(new InspectionCompleted(run));

        Incident i = service.openIncidents().get(0);
        assertThat(i.source()).isEqualTo(Incident.Source.MONITOR);
        assertThat(i.area()).isEqualTo(Area.SIGNING);
        assertThat(i.severity()).isEqualTo(Severity.II);
        assertThat(channel.toGroup("wr_it")).anySatisfy(m -> assertThat(m.markdown()).contains("监控发现异常，已自动建单", i.ref()));

        // the duty engineer is notified in the background: let that entry land before counting
        awaitBackgroundWork();
        assertThat(service.timeline(i.number())).anyMatch(e -> e.kind().equals("NOTIFIED"));
        int events0 = service.timeline(i.number()).size();
        events.publishEvent(new InspectionCompleted(run));
        events.publishEvent(new InspectionCompleted(new InspectionRun(2, run.scopes(), "incident:" + i.number(),
                clock.instant(), clock.instant(), run.results())));
        assertThat(service.openIncidents()).hasSize(1);
        assertThat(service.timeline(i.number())).hasSize(events0);

        // a staff report of the same area joins the monitor's incident
        var joined = service.report(report("chenxia", "wr_cashier", Severity.II, Area.SIGNING));
        assertThat(joined.joined()).isTrue();
        assertThat(joined.incident().number()).isEqualTo(i.number());
    }

    @Test
    void theStatisticsSectionUsesTheReportStylesAndCarriesChartsOfItsFigures() throws Exception {
        clock.set(Instant.parse("2026-10-10T02:00:00Z"));
        Incident a = service.report(report("chenxia", "wr_cashier", Severity.II, Area.SIGNING)).incident();
        clock.advance(Duration.ofMinutes(20));
        service.acknowledge(a.number(), person("zhanggong"), false);
        clock.advance(Duration.ofHours(3));
        service.resolve(a.number(), person("zhanggong"), "签名服务器主板故障，已更换");
        service.report(report("chenxia", "wr_cashier", Severity.III, Area.ISSUANCE));
        IncidentStatistics s = statistics.statistics(ReportPeriod.parse("2026Q4", clock.getZone()).orElseThrow());

        byte[] docx = Word.document(new Word.ReportHeader("梅州市中医医院", "故障统计", "TJ-2026Q4"), doc -> {
            Word.heading(doc, "六、故障处理与系统正常运转时间", 1);
            new IncidentStatisticsDocx(clock.getZone()).write(doc, s, statistics.monthlyAvailability(
                    ReportPeriod.parse("2026Q4", clock.getZone()).orElseThrow()));
        });
        // kept for rendering (LibreOffice → PDF → PNG), like the inspection report's sample
        Path out = Path.of("target/report-sample/incident-statistics.docx");
        Files.createDirectories(out.getParent());
        Files.write(out, docx);

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            Stream<XWPFParagraph> body = doc.getParagraphs().stream();
            Stream<XWPFParagraph> cells = doc.getTables().stream().flatMap(t -> t.getRows().stream())
                    .flatMap(r -> r.getTableCells().stream()).flatMap(c -> c.getParagraphs().stream());
            List<XWPFRun> runs = Stream.concat(body, cells).flatMap(p -> p.getRuns().stream()).toList();
            assertThat(runs).as("headings, text and every table cell").hasSizeGreaterThan(40);
            // one style for every section: fonts come from the template's styles, no run picks its own
            assertThat(runs).extracting(r -> r.getFontFamily(XWPFRun.FontCharRange.eastAsia)).containsOnlyNulls();
            assertThat(doc.getParagraphs()).filteredOn(p -> "Heading2".equals(p.getStyle())).extracting(XWPFParagraph::getText)
                    .containsExactly("（一）故障处理统计（2026年第4季度）", "（二）系统正常运转时间", "（三）签名验签服务器故障统计分析",
                            "（四）故障明细");
            // charts of the same figures the tables show: one II 级 and one III 级 incident, one signing, one issuance
            var charts = doc.getCharts();
            assertThat(charts).hasSize(2);
            assertThat(ChartReader.title(charts.get(0))).isEqualTo("按故障级别统计");
            assertThat(ChartReader.points(charts.get(0), 0)).containsExactly("I级=0.0", "II级=1.0", "III级=1.0");
            assertThat(ChartReader.title(charts.get(1))).isEqualTo("按故障范围统计");
            assertThat(ChartReader.points(charts.get(1), 0)).contains(Area.SIGNING.label() + "=1.0",
                    Area.ISSUANCE.label() + "=1.0", Area.SYSTEM.label() + "=0.0");
        }
    }

    @Test
    void quarterlyStatisticsCountLevelsAreasTimesBreachesAndTheSigningAnalysis() throws Exception {
        // #1 issuance II: acknowledged in 10 min, resolved in 2 h
        clock.set(Instant.parse("2026-10-10T02:00:00Z"));
        Incident a = service.report(report("chenxia", "wr_cashier", Severity.II, Area.ISSUANCE)).incident();
        clock.advance(Duration.ofMinutes(10));
        service.acknowledge(a.number(), person("zhanggong"), false);
        clock.advance(Duration.ofMinutes(110));
        service.resolve(a.number(), person("zhanggong"), "开票接口证书过期，已更新");
        // #2 signing II (一般): acknowledged in 40 min, resolved after 50 h → response, resolution, loaner breached
        clock.set(Instant.parse("2026-11-01T02:00:00Z"));
        Incident b = service.report(report("liufang", "wr_it", Severity.II, Area.SIGNING)).incident();
        clock.advance(Duration.ofMinutes(40));
        service.acknowledge(b.number(), person("ligong"), false);
        clock.advance(Duration.ofHours(50).minusMinutes(40));
        service.resolve(b.number(), person("ligong"), "签名服务器主板故障，原厂更换");
        // #3 system I, still not acknowledged an hour later
        clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        Incident c = service.report(report("huangwei", "wr_it", Severity.I, Area.SYSTEM)).incident();
        clock.advance(Duration.ofHours(1));

        IncidentStatistics s = statistics.statistics(ReportPeriod.parse("2026Q4", clock.getZone()).orElseThrow());
        assertThat(s.total()).isEqualTo(3);
        assertThat(s.open()).isEqualTo(1);
        assertThat(s.bySeverity()).containsEntry(Severity.I, 1L).containsEntry(Severity.II, 2L).containsEntry(Severity.III, 0L);
        assertThat(s.byArea()).containsEntry(Area.SIGNING, 1L).containsEntry(Area.ISSUANCE, 1L).containsEntry(Area.SYSTEM, 1L);
        assertThat(s.acknowledge().count()).isEqualTo(2);
        assertThat(s.acknowledge().mean()).contains(Duration.ofMinutes(25));
        assertThat(s.acknowledge().worst()).contains(Duration.ofMinutes(40));
        assertThat(s.acknowledge().worstIncident()).contains(b.number());
        assertThat(s.resolve().worst()).contains(Duration.ofHours(50));
        assertThat(s.breaches()).containsEntry(SlaClock.RESPONSE, 2L).containsEntry(SlaClock.RESOLUTION, 1L)
                .containsEntry(SlaClock.LOANER, 1L).containsEntry(SlaClock.ONSITE, 0L);
        assertThat(s.signing().total()).isEqualTo(1);
        assertThat(s.signing().byGrade()).containsEntry(SigningGrade.GENERAL, 1L);
        assertThat(s.signing().loanerDeadlinesMissed()).isEqualTo(1);
        assertThat(s.signing().conclusion()).contains("共发生故障 1 次", "一般 1", "应已提供备用设备", "主板故障");

        String chat = say("wangjingli", "wr_it", "/stats 2026Q4");
        assertThat(chat).contains("2026年第4季度故障统计", "故障总数：3（未关闭 1）", "I级 1，II级 2", "平均 25 分钟",
                "最长 40 分钟（#" + b.number() + "）", "响应 2 次", "签名验签服务器故障统计分析");
        assertThat(say("wangjingli", "wr_it", "/stats 2026")).contains("2026年故障统计", "故障总数：3")
                .containsPattern("\\[2026 年度运维报告（Word[^]]*\\]\\(http[^)]*/api/reports/annual/2026\\.docx\\?expires=\\d+&sig=");
        assertThat(chat).as("a quarter has no annual report").doesNotContain("/api/reports/annual/");
        assertThat(say("wangjingli", "wr_it", "/stats 2026Q3")).contains("故障总数：0", "未发生故障");
        assertThat(say("wangjingli", "wr_it", "/stats 明年")).contains("无法识别的统计期间");

        XWPFDocument doc = new XWPFDocument();
        new IncidentStatisticsDocx(clock.getZone()).write(doc, s, List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        try (XWPFDocument read = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
             XWPFWordExtractor text = new XWPFWordExtractor(read)) {
            assertThat(text.getText()).contains("故障处理统计（2026年第4季度）", "签名验签服务器故障统计分析",
                    "系统正常运转时间", "#" + c.number(), "主板故障");
        }
        assertThat(s.incidents().stream().map(IncidentStatistics.IncidentLine::number).collect(Collectors.toList()))
                .containsExactly(a.number(), b.number(), c.number());
    }
}
