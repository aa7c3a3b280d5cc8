package cn.ebillops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.config.BotConfig;
import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.infra.InMemoryKeyValueStore;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionCompleted;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionScope;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The level monitoring gives the incidents it opens: FAIL → II级, only ERROR → III级, WARN none. */
class MonitoringLevelUnitTest {

    private IncidentFixture f = new IncidentFixture();
    private MonitoringIncidents monitoring = monitoring(f, f.config);

    private static MonitoringIncidents monitoring(IncidentFixture f, BotConfig config) {
        return new MonitoringIncidents(f.service, f.settings, f.notifier, new InMemoryKeyValueStore(f.clock), config,
                f.texts);
    }

    private static CheckResult result(String id, CheckStatus status, String evidence) {
        return new CheckResult(id, "检查 " + id, List.of(7), "app", status, Map.of(), evidence, "", Duration.ZERO);
    }

    private void completed(String trigger, CheckResult... results) {
        monitoring.onInspection(new InspectionCompleted(new InspectionRun(1, EnumSet.of(InspectionScope.ALL), trigger,
                f.clock.instant(), f.clock.instant().plusSeconds(3), List.of(results))));
    }

    @Test
    void aFailingCheckOpensALevelTwoIncident() {
        completed("schedule:daily", result("disk:app", CheckStatus.FAIL, "/ 使用率 90.00%"),
                result("backup:app", CheckStatus.ERROR, ""));
        assertThat(f.service.openIncidents()).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(Severity.II);
            assertThat(i.area()).isEqualTo(Area.SYSTEM);
            assertThat(i.source()).isEqualTo(Incident.Source.MONITOR);
            assertThat(i.summary()).isEqualTo("监控发现：检查 disk:app（app）异常：/ 使用率 90.00%；检查 backup:app（app）无法检查");
        });
        List<OutboundMessage> notice = f.toGroup("wr_it");
        assertThat(notice).singleElement().extracting(OutboundMessage::markdown).asString()
                .contains("监控发现异常，已自动建单", "II级（系统严重故障）", "响应时限：10:30");
    }

    @Test
    void onlyChecksThatCouldNotRunOpenALevelThreeIncident() {
        completed("probe:signing", result("signing:svs", CheckStatus.ERROR, "连接超时"));
        assertThat(f.service.openIncidents()).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(Severity.III);
            assertThat(i.area()).isEqualTo(Area.SIGNING);
        });
    }

    @Test
    void warningsAndDiagnosisRunsOpenNothing() {
        completed("schedule:daily", result("disk:app", CheckStatus.WARN, "86%"));
        completed("incident:12", result("disk:app", CheckStatus.FAIL, "95%"));
        completed(null, result("disk:app", CheckStatus.FAIL, "95%"));
        assertThat(f.service.openIncidents()).isEmpty();
        assertThat(f.sent).isEmpty();
    }

    @Test
    void theSameProblemIsRecordedOnceEveryThirtyMinutesAndJoinsTheOpenIncident() {
        completed("schedule:daily", result("ebill:issue", CheckStatus.FAIL, "开票接口 500"));
        Incident first = f.service.openIncidents().get(0);
        f.clock.advance(Duration.ofMinutes(29));
        completed("schedule:daily", result("ebill:issue", CheckStatus.FAIL, "开票接口 500"));
        assertThat(f.service.timeline(first.number())).filteredOn(e -> e.kind().equals("MONITOR")).isEmpty();
        f.clock.advance(Duration.ofMinutes(1));
        completed("schedule:daily", result("ebill:issue", CheckStatus.FAIL, "开票接口 500"));
        assertThat(f.service.openIncidents()).hasSize(1);
        assertThat(f.service.timeline(first.number())).filteredOn(e -> e.kind().equals("MONITOR")).hasSize(1);
        assertThat(f.toGroup("wr_it")).as("only the opening is announced").hasSize(1);
    }

    @Test
    void monitoringSwitchedOffOrAnUnlistedTriggerOpensNothing() {
        f = new IncidentFixture(IncidentSettings.from(BotConfigFiles.parse(IncidentSettings.FILE,
                new ByteArrayInputStream("monitor:\n  triggers: [probe]\n".getBytes(StandardCharsets.UTF_8)))));
        monitoring = monitoring(f, f.config);
        completed("schedule:daily", result("disk:app", CheckStatus.FAIL, ""));
        assertThat(f.service.openIncidents()).isEmpty();
        completed("probe:x", result("disk:app", CheckStatus.FAIL, ""));
        assertThat(f.service.openIncidents()).hasSize(1);

        f = new IncidentFixture(IncidentSettings.from(BotConfigFiles.parse(IncidentSettings.FILE,
                new ByteArrayInputStream("monitor:\n  enabled: false\n".getBytes(StandardCharsets.UTF_8)))));
        monitoring = monitoring(f, f.config);
        completed("schedule:daily", result("disk:app", CheckStatus.FAIL, ""));
        assertThat(f.service.openIncidents()).isEmpty();
    }

    @Test
    void withoutANotifyGroupTheFirstConfiguredGroupIsUsed() {
        f = new IncidentFixture(IncidentSettings.defaults());
        monitoring = monitoring(f, f.config);
        completed("schedule:daily", result("disk:app", CheckStatus.FAIL, ""));
        assertThat(f.service.openIncidents().get(0).chatId()).isEqualTo("wr_cashier");

        f = new IncidentFixture(IncidentSettings.defaults());
        monitoring = monitoring(f, new BotConfig(f.config.hospital(), f.config.people(), List.of()));
        completed("schedule:daily", result("disk:app", CheckStatus.FAIL, ""));
        assertThat(f.service.openIncidents().get(0).chatId()).isEqualTo("monitor");
    }
}
