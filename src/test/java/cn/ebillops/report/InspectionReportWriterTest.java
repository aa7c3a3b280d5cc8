package cn.ebillops.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.llm.FakeOpenAiServer;
import cn.ebillops.llm.ImprovementWriter;
import cn.ebillops.llm.LlmConfig;
import cn.ebillops.llm.LlmProperties;
import cn.ebillops.llm.ModelDeadline;
import cn.ebillops.llm.PromptLibrary;
import cn.ebillops.config.BotConfigLoader;
import cn.ebillops.inspection.InspectionProperties;
import cn.ebillops.inspection.SampleRunsAccess;
import cn.ebillops.testsupport.MutableClock;
import cn.ebillops.testsupport.TestBotConfig;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class InspectionReportWriterTest {

    private final InspectionReportWriter writer = new InspectionReportWriter(
            BotConfigLoader.load(TestBotConfig.files().read("hospital.yaml")),
            new InspectionProperties(Duration.ofSeconds(60), "http://127.0.0.1:8080", ""),
            Clock.system(ZoneId.of("Asia/Shanghai")), extras(null), (run, max) -> List.of());

    /** Extras over an empty incident fixture and, unless given, no language model. */
    private static ReportExtras extras(cn.ebillops.llm.ImprovementWriter model) {
        return extras(model, Clock.systemUTC());
    }

    private static ReportExtras extras(cn.ebillops.llm.ImprovementWriter model, Clock clock) {
        return new ReportExtras(new cn.ebillops.incident.IncidentFixture().statistics(clock),
                model != null ? model : new ImprovementWriter(null, null, null, null), clock);
    }

    /** The real ImprovementWriter against the OpenAI-compatible stand-in of the LLM tests. */
    private static ImprovementWriter modelAt(FakeOpenAiServer llm, ExecutorService pool) {
        LlmProperties p = new LlmProperties(llm.baseUrl(), "qwen-test", "", Duration.ofSeconds(5), Duration.ofSeconds(10),
                6, Path.of("prompts"));
        return new ImprovementWriter(LlmConfig.chatModel(p), new ModelDeadline(pool, p.turnTimeout()),
                new PromptLibrary(p.promptsDir()), new PiiMasker());
    }

    private static InspectionReportWriter writerWith(ReportExtras extras) {
        return new InspectionReportWriter(BotConfigLoader.load(TestBotConfig.files().read("hospital.yaml")),
                new InspectionProperties(Duration.ofSeconds(60), "http://127.0.0.1:8080", ""),
                Clock.system(ZoneId.of("Asia/Shanghai")), extras, (run, max) -> List.of());
    }

    private static String text(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            return text.getText();
        }
    }

    @Test
    void modelWordingIsAddedMarkedAndRuleSuggestionsStay() throws Exception {
        ExecutorService pool = LlmConfig.modelExecutor();
        try (FakeOpenAiServer llm = FakeOpenAiServer.started()) {
            llm.thenAnswer("建议尽快扩容根分区。");
            InspectionReportWriter withModel = writerWith(extras(modelAt(llm, pool)));
            String all = text(withModel.write(SampleRunsAccess.current(), Optional.of(SampleRunsAccess.previous())));
            assertThat(all).contains("较上次上升 7.72 个百分点")
                    .contains(ImprovementWriter.MARK).contains("建议尽快扩容根分区。");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void modelIsAskedForTheWordingOncePerInspectionRunHoweverOftenTheReportIsDownloaded() throws Exception {
        ExecutorService pool = LlmConfig.modelExecutor();
        try (FakeOpenAiServer llm = FakeOpenAiServer.started()) {
            llm.thenAnswer("建议尽快扩容根分区，并检查备份任务是否按时完成。")
                    .thenAnswer("另一次巡检：建议关注表空间增长。");
            InspectionReportWriter w = writerWith(extras(modelAt(llm, pool)));
            var current = SampleRunsAccess.current();
            var previous = Optional.of(SampleRunsAccess.previous());

            String first = text(w.write(current, previous));
            String second = text(w.write(current, previous));
            String improvement = text(w.writeImprovement(current, previous));

            assertThat(List.of(first, second, improvement)).allSatisfy(t -> assertThat(t)
                    .contains(ImprovementWriter.MARK).contains("建议尽快扩容根分区，并检查备份任务是否按时完成。"));
            assertThat(llm.received()).as("one model request for three downloads").hasSize(1);

            // another inspection run is worded on its own
            String other = text(w.write(triggeredBy(99, "manual:ligong"), previous));
            assertThat(other).contains("另一次巡检：建议关注表空间增长。");
            assertThat(llm.received()).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failedWordingIsNotAskedAgainOnEveryDownloadButRetriedLater() throws Exception {
        ExecutorService pool = LlmConfig.modelExecutor();
        MutableClock clock = MutableClock.at("2026-11-25T10:00:00+08:00");
        try (FakeOpenAiServer llm = FakeOpenAiServer.started()) {
            llm.thenFail(503).thenAnswer("建议尽快扩容根分区。");
            InspectionReportWriter w = writerWith(extras(modelAt(llm, pool), clock));
            var current = SampleRunsAccess.current();

            assertThat(text(w.write(current, Optional.empty()))).doesNotContain(ImprovementWriter.MARK);
            assertThat(text(w.write(current, Optional.empty()))).doesNotContain(ImprovementWriter.MARK);
            assertThat(llm.received()).hasSize(1);

            clock.advance(ReportExtras.RETRY_AFTER_NO_WORDING);
            assertThat(text(w.write(current, Optional.empty()))).contains("建议尽快扩容根分区。");
            assertThat(text(w.write(current, Optional.empty()))).contains("建议尽快扩容根分区。");
            assertThat(llm.received()).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void offlineReportHasNoModelWording() throws Exception {
        assertThat(text(writer.write(SampleRunsAccess.current(), Optional.empty())))
                .doesNotContain(cn.ebillops.llm.ImprovementWriter.MARK);
    }

    @Test
    void improvementReportCarriesSuggestionsAndComparisonOnly() throws Exception {
        String all = text(writer.writeImprovement(SampleRunsAccess.current(), Optional.of(SampleRunsAccess.previous())));
        assertThat(all).contains("运维改进建议报告").contains("四、改进建议（合同第 10 项）").contains("五、与上次巡检对比")
                .doesNotContain("三、检查明细");
    }

    @Test
    void reportHasCoverContractSummaryDetailsSuggestionsAndChanges() throws Exception {
        byte[] docx = writer.write(SampleRunsAccess.current(), Optional.of(SampleRunsAccess.previous()));

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            String all = text.getText();
            assertThat(all).contains("梅州市中医医院").contains("2026 年第 4 季度（2026-10-01 至 2026-12-31）")
                    .contains("张工").contains("2026-01-01 至 2028-12-31");
            assertThat(all).contains("一.2").contains("一.16").contains("二.3").contains("检查系统医疗票据开具功能是否正常");
            assertThat(all).contains("未检查").contains("已提交");
            assertThat(all).contains("/（/dev/sda1）已用 36.24 GB").contains("最高使用率（%）");
            assertThat(all).contains("四、改进建议（合同第 10 项）").contains("较上次上升 7.72 个百分点");
            assertThat(all).contains("五、与上次巡检对比").contains("上次巡检：第 7 次").contains("变差 3 项");
        }
    }

    /** The cover's 巡检工程师 cell. */
    private static String coverEngineer(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            var table = doc.getTables().get(0);
            for (var row : table.getRows()) {
                if (row.getCell(0).getText().equals("巡检工程师")) {
                    return row.getCell(1).getText();
                }
            }
            throw new AssertionError("no 巡检工程师 on the cover");
        }
    }

    private static cn.ebillops.inspection.InspectionRun triggeredBy(String trigger) {
        return triggeredBy(SampleRunsAccess.current().id(), trigger);
    }

    private static cn.ebillops.inspection.InspectionRun triggeredBy(long id, String trigger) {
        var r = SampleRunsAccess.current();
        return new cn.ebillops.inspection.InspectionRun(id, r.scopes(), trigger, r.startedAt(), r.finishedAt(), r.results());
    }

    @Test
    void coverNamesTheEngineerWhoAskedInChatOrThroughTheLanguageModel() throws Exception {
        // 张工 is the first engineer in hospital.yaml, the fallback; 李工 asked
        assertThat(coverEngineer(writer.write(triggeredBy("manual:ligong"), Optional.empty()))).isEqualTo("李工");
        assertThat(coverEngineer(writer.write(triggeredBy("llm:ligong"), Optional.empty()))).isEqualTo("李工");
        assertThat(coverEngineer(writer.write(triggeredBy("llm:chenxia"), Optional.empty()))).as("staff are not engineers")
                .isEqualTo("张工");
        assertThat(coverEngineer(writer.write(triggeredBy("schedule:quarterly"), Optional.empty()))).isEqualTo("张工");
    }

    @Test
    void firstInspectionSaysThereIsNothingToCompare() throws Exception {
        byte[] docx = writer.write(SampleRunsAccess.current(), Optional.empty());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("首次巡检");
        }
    }

    @Test
    void quarterOfTheInspectionDate() {
        assertThat(InspectionReportWriter.quarter(LocalDate.of(2026, 2, 10))).isEqualTo("2026 年第 1 季度（2026-01-01 至 2026-03-31）");
    }
}
