package cn.ebillops.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.audit.AuditTrail;
import cn.ebillops.config.BotConfig;
import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.BotConfigLoader;
import cn.ebillops.config.ConfigException;
import cn.ebillops.config.Person;
import cn.ebillops.contract.Severity;
import cn.ebillops.duty.DutyLookup;
import cn.ebillops.incident.availability.AvailabilityRepository;
import cn.ebillops.incident.availability.AvailabilityService;
import cn.ebillops.inspection.Inspector;
import cn.ebillops.testsupport.TestBotConfig;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** bot-config/incident.yaml validation and the fallbacks when other modules are absent (no Spring). */
class IncidentSettingsTest {

    private static IncidentSettings parse(String yaml) {
        return IncidentSettings.from(BotConfigFiles.parse(IncidentSettings.FILE,
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void defaultsAreTheContractsFigures() {
        IncidentSettings s = IncidentSettings.defaults();
        assertThat(s.mergeWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.responseDeadline()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.onsiteDeadline()).isEqualTo(Duration.ofHours(4));
        assertThat(s.loanerSevere()).isEqualTo(Duration.ofHours(24));
        assertThat(s.loanerGeneral()).isEqualTo(Duration.ofHours(48));
        assertThat(s.probeInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.availabilityTarget()).isEqualTo(99.0);
        assertThat(s.escalationSteps()).extracting(IncidentSettings.EscalationStep::to).containsExactly(
                IncidentSettings.Target.ENGINEER, IncidentSettings.Target.BACKUP, IncidentSettings.Target.MANAGER);
    }

    @Test
    void theShippedFileIsValid() {
        IncidentSettings s = IncidentSettings.load(TestBotConfig.files());
        assertThat(s.notifyChat()).contains("wr_it");
        assertThat(s.resolutionTarget(Severity.I)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void errorsNameTheFileTheKeyAndWhatIsAllowed() {
        assertThatThrownBy(() -> parse("mergeWindow: soon"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("incident.yaml").hasMessageContaining("mergeWindow")
                .hasMessageContaining("15m");
        assertThatThrownBy(() -> parse("escalation:\n  steps:\n    - {after: 0m, to: BOSS}"))
                .hasMessageContaining("escalation.steps[0].to").hasMessageContaining("MANAGER");
        assertThatThrownBy(() -> parse("escalation:\n  steps:\n    - {after: 30m, to: ENGINEER}\n    - {after: 10m, to: BACKUP}"))
                .hasMessageContaining("不早于上一步");
        assertThatThrownBy(() -> parse("probe:\n  interval: 1s")).hasMessageContaining("probe.interval");
        assertThatThrownBy(() -> parse("maintenance:\n  - {from: '2026-12-01 22:00', to: '2026-12-01 21:00'}"))
                .hasMessageContaining("maintenance[0].to");
        assertThat(parse("maintenance:\n  - {from: '2026-12-01 22:00', to: '2026-12-02 02:00'}").maintenance())
                .singleElement().satisfies(m -> assertThat(m.note()).isEqualTo("计划维护"));
    }

    @Test
    void limitsAreInclusiveStepsMayShareAMomentAndProbesMayRunEveryTenSeconds() {
        IncidentSettings s = parse("""
                escalation:
                  steps:
                    - {after: 0m, to: ENGINEER}
                    - {after: 0m, to: MANAGER}
                probe:
                  interval: 10s
                clocks:
                  reminderBefore: 0m
                """);
        assertThat(s.escalationSteps()).extracting(IncidentSettings.EscalationStep::to)
                .containsExactly(IncidentSettings.Target.ENGINEER, IncidentSettings.Target.MANAGER);
        assertThat(s.probeInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.reminderBefore()).isZero();
        assertThatThrownBy(() -> parse("probe:\n  interval: 9s")).hasMessageContaining("不少于 10s");
    }

    @Test
    void zeroOrNegativeDeadlinesAndNegativeOffsetsAreRefused() {
        assertThatThrownBy(() -> parse("clocks:\n  response: 0m")).hasMessageContaining("clocks.response")
                .hasMessageContaining("大于 0 的时长");
        assertThatThrownBy(() -> parse("clocks:\n  response: PT-30M")).hasMessageContaining("clocks.response")
                .hasMessageContaining("大于 0 的时长");
        assertThatThrownBy(() -> parse("clocks:\n  reminderBefore: PT-10M")).hasMessageContaining("clocks.reminderBefore")
                .hasMessageContaining("不小于 0 的时长");
        assertThatThrownBy(() -> parse("escalation:\n  steps:\n    - {after: PT-1M, to: ENGINEER}"))
                .hasMessageContaining("escalation.steps[0].after");
    }

    @Test
    void withoutADutyRosterTheChainComesFromBotConfigPeople() {
        BotConfig config = BotConfigLoader.load(TestBotConfig.files().read("hospital.yaml"));
        var contacts = new EscalationContacts(new StaticListableBeanFactory().getBeanProvider(DutyLookup.class), config);
        var chain = contacts.at(Instant.parse("2026-11-25T02:00:00Z")); // any moment: no roster to look up
        assertThat(chain.engineer()).map(Person::userId).contains("zhanggong");
        assertThat(chain.backup()).map(Person::userId).contains("ligong");
        assertThat(chain.manager()).map(Person::userId).contains("wangjingli");
        assertThat(chain.source()).isEqualTo("人员配置");
    }

    @Test
    void withoutAnInspectorProbesRecordNothingAndSaySo() {
        var availability = new AvailabilityService(new StaticListableBeanFactory().getBeanProvider(Inspector.class),
                (AvailabilityRepository) null, IncidentSettings.defaults(), Clock.fixed(Instant.EPOCH, ZoneId.of("Asia/Shanghai")),
                AuditTrail.NONE);
        assertThat(availability.probesAvailable()).isFalse();
        assertThat(availability.probe()).isEmpty();
    }
}
