package cn.ebillops.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.ebillops.audit.AuditTrail;
import cn.ebillops.llm.ImprovementWriter;
import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.BotConfigLoader;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.incident.FaultReport;
import cn.ebillops.incident.IncidentFixture;
import cn.ebillops.inspection.InspectionProperties;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.SampleRunsAccess;
import cn.ebillops.testsupport.MutableClock;
import cn.ebillops.wording.Wording;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** The quarter's fault statistics in the Word report belong to the inspection, not to the download. */
class ReportExtrasTest {

    private final IncidentFixture incidents = new IncidentFixture();
    /** The report is downloaded in the fourth quarter. */
    private final MutableClock downloadTime = MutableClock.at("2026-12-04T10:00:00+08:00");

    private InspectionReportWriter writer() {
        ReportExtras extras = extrasWith(null);
        return new InspectionReportWriter(
                BotConfigLoader.load(new BotConfigFiles(Path.of("bot-config")).read("hospital.yaml")),
                new InspectionProperties(Duration.ofSeconds(60), "http://127.0.0.1:8080", ""), downloadTime, extras,
                (run, max) -> java.util.List.of());
    }

    private void faultAt(String isoOffset, Area area) {
        incidents.clock.set(java.time.OffsetDateTime.parse(isoOffset).toInstant());
        incidents.service.report(new FaultReport(incidents.person("chenxia"), "wr_cashier", "开票失败", Severity.II, area));
    }

    private static InspectionRun startedAt(String isoOffset, InspectionScope scope) {
        InspectionRun sample = SampleRunsAccess.current();
        Instant start = java.time.OffsetDateTime.parse(isoOffset).toInstant();
        return new InspectionRun(sample.id(), EnumSet.of(scope), sample.trigger(), start, start.plusSeconds(4),
                sample.results());
    }

    private static String text(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            return text.getText();
        }
    }

    @Test
    void statisticsAreThoseOfTheInspectionsQuarterNotOfTheDownloadDay() throws Exception {
        faultAt("2026-08-10T09:00:00+08:00", Area.ISSUANCE);
        faultAt("2026-09-15T09:00:00+08:00", Area.SIGNING);
        faultAt("2026-11-20T09:00:00+08:00", Area.ISSUANCE);

        String report = text(writer().write(startedAt("2026-09-30T23:59:00+08:00", InspectionScope.ALL),
                Optional.empty()));

        assertThat(report).contains("六、故障处理与系统正常运转时间", "故障处理统计（2026年第3季度）", "本期共受理故障 2 次")
                .doesNotContain("2026年第4季度");
        assertThat(report).contains("巡检周期").contains("2026 年第 3 季度（2026-07-01 至 2026-09-30）");
    }

    @Test
    void aQuarterIsCountedInBeijingTimeAnInspectionJustAfterMidnightBelongsToTheNewQuarter() throws Exception {
        faultAt("2026-09-15T09:00:00+08:00", Area.SIGNING);
        faultAt("2026-10-01T00:10:00+08:00", Area.ISSUANCE);

        // 2026-09-30T16:30Z is 00:30 on 1 October in Beijing
        String report = text(writer().write(startedAt("2026-09-30T16:30:00Z", InspectionScope.ALL),
                Optional.empty()));

        assertThat(report).contains("故障处理统计（2026年第4季度）", "本期共受理故障 1 次");
    }

    @Test
    void onlyAFullInspectionCarriesTheFaultStatistics() throws Exception {
        faultAt("2026-09-15T09:00:00+08:00", Area.SIGNING);
        String report = text(writer().write(startedAt("2026-09-20T10:00:00+08:00", InspectionScope.DB),
                Optional.empty()));
        assertThat(report).doesNotContain("故障处理统计", "六、故障处理与系统正常运转时间");
    }

    /** A model stand-in: answers from a queue, counts the asks, may be switched off. */
    private static class CountingWriter extends ImprovementWriter {
        final java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        final java.util.Deque<Optional<String>> answers = new java.util.ArrayDeque<>();
        boolean on = true;

        CountingWriter() {
            super(null, null, null, null);
        }

        @Override
        public boolean enabled() {
            return on;
        }

        @Override
        public Optional<String> polish(String suggestions) {
            asked.add(suggestions);
            return answers.isEmpty() ? Optional.of("润色：" + suggestions) : answers.poll();
        }
    }

    /** Without a model ({@code null}): the writer as wired offline, with no model behind it. */
    private ReportExtras extrasWith(ImprovementWriter model) {
        return new ReportExtras(incidents.statistics(downloadTime),
                model != null ? model : new ImprovementWriter(null, null, null, null), downloadTime);
    }

    @Test
    void withoutAModelOrWithItSwitchedOffOrWithoutAdviceNothingIsAsked() {
        assertThat(extrasWith(null).polishedAdvice(1, java.util.List.of("扩容"))).isEmpty();
        CountingWriter off = new CountingWriter();
        off.on = false;
        assertThat(extrasWith(off).polishedAdvice(1, java.util.List.of("扩容"))).isEmpty();
        CountingWriter on = new CountingWriter();
        assertThat(extrasWith(on).polishedAdvice(1, java.util.List.of())).isEmpty();
        assertThat(off.asked).isEmpty();
        assertThat(on.asked).isEmpty();
    }

    @Test
    void theSameRunAndAdviceIsWordedOnceAndNewAdviceAnew() {
        CountingWriter model = new CountingWriter();
        ReportExtras extras = extrasWith(model);
        assertThat(extras.polishedAdvice(1, java.util.List.of("扩容", "清理日志"))).contains("润色：扩容\n清理日志");
        assertThat(extras.polishedAdvice(1, java.util.List.of("扩容", "清理日志"))).contains("润色：扩容\n清理日志");
        assertThat(extras.polishedAdvice(1, java.util.List.of("扩容"))).contains("润色：扩容");
        assertThat(model.asked).containsExactly("扩容\n清理日志", "扩容");
    }

    @Test
    void aFailedWordingIsAskedAgainTenMinutesLaterNotBefore() {
        CountingWriter model = new CountingWriter();
        model.answers.add(Optional.empty());
        ReportExtras extras = extrasWith(model);
        assertThat(extras.polishedAdvice(1, java.util.List.of("扩容"))).isEmpty();
        downloadTime.advance(ReportExtras.RETRY_AFTER_NO_WORDING.minusSeconds(1));
        assertThat(extras.polishedAdvice(1, java.util.List.of("扩容"))).isEmpty();
        assertThat(model.asked).hasSize(1);
        downloadTime.advance(java.time.Duration.ofSeconds(1));
        assertThat(extras.polishedAdvice(1, java.util.List.of("扩容"))).contains("润色：扩容");
        assertThat(model.asked).hasSize(2);
        downloadTime.advance(java.time.Duration.ofHours(1));
        assertThat(extras.polishedAdvice(1, java.util.List.of("扩容"))).as("a wording is kept").contains("润色：扩容");
        assertThat(model.asked).hasSize(2);
    }

    @Test
    void the64MostRecentRunsAreRememberedAndOlderOnesAskedAgain() {
        CountingWriter model = new CountingWriter();
        ReportExtras extras = extrasWith(model);
        for (long run = 1; run <= ReportExtras.REMEMBERED_RUNS; run++) {
            extras.polishedAdvice(run, java.util.List.of("扩容"));
        }
        extras.polishedAdvice(1, java.util.List.of("扩容"));
        assertThat(model.asked).as("run 1 is still remembered").hasSize(ReportExtras.REMEMBERED_RUNS);

        extras.polishedAdvice(ReportExtras.REMEMBERED_RUNS + 1, java.util.List.of("扩容"));
        extras.polishedAdvice(1, java.util.List.of("扩容"));
        assertThat(model.asked).as("run 1 was forgotten for the 65th").hasSize(ReportExtras.REMEMBERED_RUNS + 2);
    }

    @Test
    void aDownloadWhileTheModelIsStillWordingTheSameRunWaitsForThatWording() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        CountingWriter model = new CountingWriter() {
            @Override
            public Optional<String> polish(String suggestions) {
                Optional<String> answer = super.polish(suggestions);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return answer;
            }
        };
        ReportExtras extras = extrasWith(model);
        java.util.concurrent.atomic.AtomicReference<Optional<String>> first = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Optional<String>> second = new java.util.concurrent.atomic.AtomicReference<>();
        Thread a = new Thread(() -> first.set(extras.polishedAdvice(1, java.util.List.of("扩容"))));
        a.start();
        await("the first download inside the model call").atMost(Duration.ofSeconds(10))
                .until(() -> !model.asked.isEmpty() || !a.isAlive());
        Thread b = new Thread(() -> second.set(extras.polishedAdvice(1, java.util.List.of("扩容"))));
        b.start();
        // the second download is parked: on the first's answer, or (wrongly) in its own ask
        await("the second download parked").atMost(Duration.ofSeconds(10))
                .until(() -> b.getState() == Thread.State.WAITING || !b.isAlive());
        release.countDown();
        a.join();
        b.join();
        assertThat(model.asked).as("one ask for two simultaneous downloads").hasSize(1);
        assertThat(second.get()).isEqualTo(first.get()).contains("润色：扩容");
    }
}
