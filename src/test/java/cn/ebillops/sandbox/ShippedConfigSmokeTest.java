package cn.ebillops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.config.BotConfig;
import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.BotConfigLoader;
import cn.ebillops.config.ConfigNode;
import cn.ebillops.config.Person;
import cn.ebillops.config.Role;
import cn.ebillops.duty.DutyRoster;
import cn.ebillops.duty.DutyRosterLoader;
import cn.ebillops.duty.HolidayCalendarLoader;
import cn.ebillops.ebill.check.EbillCheckFactory;
import cn.ebillops.incident.IncidentSettings;
import cn.ebillops.inspection.Check;
import cn.ebillops.inspection.CheckFactory;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.knowledge.KnowledgeBase;
import cn.ebillops.sandbox.ebill.EbillPlatformStandIn;
import cn.ebillops.sandbox.ebill.SandboxEbillConfig;
import cn.ebillops.sandbox.signing.SigningServerStandIn;
import cn.ebillops.signing.HttpJsonSigningClientProvider;
import cn.ebillops.signing.check.SigningCheckFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one test of the shipped bot-config/ (every other test reads its own fixtures, see
 * TestBotConfig): every file loads and validates, and the shipped demo targets are all green
 * against the stand-ins — only the fixed demo ports are swapped for this test's free ports.
 * It reads no date: which years the holiday files cover is the administrator's business.
 */
class ShippedConfigSmokeTest {

    private static final BotConfigFiles SHIPPED = new BotConfigFiles(Path.of("bot-config"));

    @Test
    void everyShippedFileLoadsAndValidates() throws Exception {
        BotConfig config = new BotConfigLoader().botConfig(SHIPPED);
        assertThat(config.people()).extracting(Person::role).contains(Role.STAFF, Role.ENGINEER, Role.ADMIN);
        assertThat(Files.readString(Path.of("bot-config/hospital.yaml"))).doesNotContain("key=");
        assertThat(new HolidayCalendarLoader().holidayCalendar(SHIPPED).knownYears()).isNotEmpty();
        // loading succeeds or throws, so check what the files promise: the shipped escalation calls
        // the backup and the manager, so the shipped roster must name both (and the hotline)
        DutyRoster roster = new DutyRosterLoader().dutyRoster(SHIPPED, config);
        assertThat(roster.backup()).isPresent();
        assertThat(roster.manager()).isPresent();
        assertThat(roster.hotline()).isNotBlank();
        // the shipped incident settings keep the service contract's clocks
        IncidentSettings incidents = IncidentSettings.load(SHIPPED);
        assertThat(incidents.escalationSteps()).extracting(IncidentSettings.EscalationStep::to)
                .containsExactly(IncidentSettings.Target.ENGINEER, IncidentSettings.Target.BACKUP,
                        IncidentSettings.Target.MANAGER);
        assertThat(incidents.responseDeadline()).as("合同一.1：响应 30 分钟").isEqualTo(Duration.ofMinutes(30));
        assertThat(incidents.onsiteDeadline()).as("合同一.17：4 小时内上门").isEqualTo(Duration.ofHours(4));
        assertThat(incidents.loanerSevere()).as("合同二.4：严重 24 小时").isEqualTo(Duration.ofHours(24));
        assertThat(incidents.loanerGeneral()).as("合同二.4：一般 48 小时").isEqualTo(Duration.ofHours(48));
        assertThat(incidents.availabilityTarget()).as("合同一.18：正常运转时间 ≥ 99%").isEqualTo(99.0);
        assertThat(KnowledgeBase.load(SHIPPED)).isNotEmpty();
    }

    @Test
    void shippedDemoTargetsAreAllOkAgainstTheStandIns() throws Exception {
        Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
        try (EbillPlatformStandIn ebill = new EbillPlatformStandIn(SandboxEbillConfig.DEMO_APPID, SandboxEbillConfig.DEMO_KEY, 0, clock);
             SigningServerStandIn signing = new SigningServerStandIn(0, clock)) {
            ebill.start();
            signing.start();
            String yaml = Files.readString(Path.of("bot-config/targets.d/ebill-signing.yaml"))
                    .replace("http://127.0.0.1:${EBILLOPS_DEMO_EBILL_PORT:18081}", ebill.baseUrl())
                    .replace("http://127.0.0.1:${EBILLOPS_DEMO_SIGNING_PORT:18082}", signing.baseUrl());
            ConfigNode root = BotConfigFiles.parse("targets.d/ebill-signing.yaml",
                    new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
            Map<String, CheckFactory> factories = Map.of(
                    "ebill", new EbillCheckFactory(k -> null, new PiiMasker(), clock),
                    "signing", new SigningCheckFactory(List.of(new HttpJsonSigningClientProvider(k -> null)), clock));
            List<CheckResult> results = new ArrayList<>();
            for (ConfigNode target : root.children("targets")) {
                InspectionScope scope = target.enumValue("scope", InspectionScope.class);
                for (Check c : factories.get(target.string("kind")).create(target)) {
                    assertThat(c.scope()).isEqualTo(scope);
                    results.add(c.run());
                }
            }
            assertThat(results).as("the demo target is a test environment: item 12 read-only and its round trip")
                    .hasSize(8 + 5);
            assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.name() + ": " + r.evidence()).isEqualTo(CheckStatus.OK));
            assertThat(results).flatExtracting(CheckResult::contractItems).contains(0, 4, 11, 12, 13, 14, 15, 16);
        }
    }

    @Test
    void theDemoTestEnvironmentLineWarnsWhoeverEditsItForProduction() throws Exception {
        // the hospital is told to edit this very file for its real platform
        List<String> lines = Files.readAllLines(Path.of("bot-config/targets.d/ebill-signing.yaml"));
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith("testEnvironment: true")) {
                at = i;
            }
        }
        assertThat(at).as("the demo target still sets testEnvironment: true").isPositive();
        assertThat(lines.get(at)).contains("#").contains("生产平台必须改为 false");
        assertThat(String.join("\n", lines.subList(Math.max(0, at - 3), at))).contains("真实开具并冲红");
    }
}
