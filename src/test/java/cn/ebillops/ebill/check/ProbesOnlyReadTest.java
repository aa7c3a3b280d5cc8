package cn.ebillops.ebill.check;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.inspection.CheckRegistry;
import cn.ebillops.inspection.CheckRunner;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.InspectionService;
import cn.ebillops.inspection.InspectionStore;
import cn.ebillops.inspection.InspectionTestDb;
import cn.ebillops.sandbox.ebill.EbillPlatformStandIn;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import cn.ebillops.testsupport.MutableClock;

/**
 * Issue 18 item 1: availability probes (trigger "probe:…", every minute) and incident diagnoses
 * only read, even on a target marked testEnvironment; the issue → query → red-flush round trip runs
 * only in an inspection, once per run, within the daily cap that survives a restart.
 */
class ProbesOnlyReadTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private EbillPlatformStandIn platform;
    private JdbcClient jdbc;
    private TransactionTemplate tx;

    @BeforeEach
    void start() throws Exception {
        platform = new EbillPlatformStandIn("APP-T", "test-key-123", 0, clock);
        platform.start();
        DataSource ds = InspectionTestDb.h2();
        jdbc = JdbcClient.create(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private InspectionService inspector(String extra) {
        String yaml = """
                name: 测试票据平台
                kind: ebill
                baseUrl: %s
                appid: APP-T
                appKeyEnv: TEST_EBILL_KEY
                placeCode: "001"
                testEnvironment: true
                testBill: {chargeCode: "C-TEST", chargeName: 测试收费}
                timeout: 3s
                %s
                knownBill:
                  billBatchCode: "%s"
                  billNo: "%s"
                  random: "%s"
                  busNo: %s
                  busDateTime: "%s"
                  pictureUrl: %s/pic/%s-%s.png
                """.formatted(platform.baseUrl(), extra, EbillPlatformStandIn.KNOWN_BATCH, EbillPlatformStandIn.KNOWN_NO,
                EbillPlatformStandIn.KNOWN_RANDOM, EbillPlatformStandIn.KNOWN_BUS_NO, EbillPlatformStandIn.KNOWN_BUS_TIME,
                platform.baseUrl(), EbillPlatformStandIn.KNOWN_BATCH, EbillPlatformStandIn.KNOWN_NO);
        Map<String, String> env = Map.of("TEST_EBILL_KEY", "test-key-123");
        var factory = EbillCheckFactory.withLedger(env::get, new PiiMasker(), clock, jdbc);
        CheckRegistry registry = new CheckRegistry(factory.create(TestTargets.parse(yaml)));
        return new InspectionService(registry, new CheckRunner(Duration.ofSeconds(30)), new InspectionStore(jdbc, tx),
                e -> { }, clock);
    }

    @Test
    void threeProbesOfATestEnvironmentLeaveNoBill() {
        InspectionService inspector = inspector("");
        int before = platform.billCount();
        for (int i = 0; i < 3; i++) {
            InspectionRun run = inspector.run(EnumSet.of(InspectionScope.EBILL, InspectionScope.SIGNING), "probe:availability");
            assertThat(run.results()).isNotEmpty();
            clock.advance(Duration.ofMinutes(1));
        }
        inspector.run(EnumSet.of(InspectionScope.EBILL), "incident:7");
        assertThat(platform.billCount()).as("bills left in the stand-in's bill book").isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from ebill_test_bill").query(Integer.class).single()).isZero();
    }

    @Test
    void anInspectionIssuesOneTestBillPerRunWithinTheDailyCapThatSurvivesARestart() {
        int before = platform.billCount();
        InspectionService inspector = inspector("testBillsPerDay: 2");
        InspectionRun first = inspector.run(EnumSet.of(InspectionScope.EBILL), "manual:zhangsan");
        assertThat(platform.billCount()).isEqualTo(before + 1);
        var roundTrip = first.results().stream().filter(r -> r.checkId().startsWith("ebill-test-bill:")).findFirst().orElseThrow();
        assertThat(roundTrip.evidence()).contains("本次巡检开具的测试票据").contains("已冲红");
        inspector.run(EnumSet.of(InspectionScope.EBILL), "manual:zhangsan");
        // a restart: a new factory over the same database
        InspectionRun third = inspector("testBillsPerDay: 2").run(EnumSet.of(InspectionScope.EBILL), "manual:zhangsan");
        assertThat(platform.billCount()).as("the cap of 2 a day holds across a restart").isEqualTo(before + 2);
        assertThat(third.results().stream().filter(r -> r.checkId().startsWith("ebill-test-bill:")).findFirst().orElseThrow()
                .evidence()).contains("今日已开具 2 张测试票据").contains("未开具");
        assertThat(jdbc.sql("select count(*) from ebill_test_bill where red_flushed").query(Integer.class).single()).isEqualTo(2);
        clock.advance(Duration.ofDays(1));
        inspector("testBillsPerDay: 2").run(EnumSet.of(InspectionScope.EBILL), "schedule:quarterly:x");
        assertThat(platform.billCount()).as("a new day, a new allowance").isEqualTo(before + 3);
    }
}
