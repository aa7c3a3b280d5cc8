package cn.ebillops.ebill.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.config.ConfigException;
import cn.ebillops.inspection.Check;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.sandbox.ebill.EbillFaults;
import cn.ebillops.sandbox.ebill.EbillPlatformStandIn;
import cn.ebillops.testsupport.TcpRelay;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EbillChecksAgainstStandInTest {

    private final Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
    private EbillPlatformStandIn platform;

    @BeforeEach
    void start() throws Exception {
        platform = new EbillPlatformStandIn("APP-T", "test-key-123", 0, clock);
        platform.start();
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private List<Check> checks(boolean testEnvironment, String extra) {
        return checks(platform.baseUrl(), testEnvironment, extra);
    }

    private List<Check> checks(String baseUrl, boolean testEnvironment, String extra) {
        String yaml = """
                name: 票据平台
                kind: ebill
                baseUrl: %s
                appid: APP-T
                appKeyEnv: TEST_EBILL_KEY
                placeCode: "001"
                testEnvironment: %s
                testBill: {chargeCode: "C-TEST", chargeName: 测试收费}
                %s
                knownBill:
                  billBatchCode: "%s"
                  billNo: "%s"
                  random: "%s"
                  busNo: %s
                  busDateTime: "%s"
                  pictureUrl: %s/pic/%s-%s.png
                %s""".formatted(baseUrl, testEnvironment, extra.contains("timeout:") ? "" : "timeout: 3s",
                EbillPlatformStandIn.KNOWN_BATCH,
                EbillPlatformStandIn.KNOWN_NO, EbillPlatformStandIn.KNOWN_RANDOM, EbillPlatformStandIn.KNOWN_BUS_NO,
                EbillPlatformStandIn.KNOWN_BUS_TIME, platform.baseUrl(), EbillPlatformStandIn.KNOWN_BATCH,
                EbillPlatformStandIn.KNOWN_NO, extra);
        Map<String, String> env = Map.of("TEST_EBILL_KEY", "test-key-123");
        return new EbillCheckFactory(env::get, new PiiMasker(), clock).create(TestTargets.parse(yaml));
    }

    private static List<CheckResult> runAll(List<Check> checks) throws Exception {
        List<CheckResult> out = new ArrayList<>();
        for (Check c : checks) {
            out.add(c.run());
        }
        return out;
    }

    /** The item-12 check that writes: the round trip of a testEnvironment target. */
    private Check issuance(List<Check> checks) {
        return checks.stream().filter(Check::writesToTarget).findFirst().orElseThrow();
    }

    private static CheckResult item(List<CheckResult> results, int item) {
        return results.stream().filter(r -> r.contractItems().contains(item)).findFirst().orElseThrow();
    }

    @Test
    void everyContractItemIsOkAgainstAHealthyPlatform() throws Exception {
        List<Check> checks = checks(false, "");
        assertThat(checks).extracting(c -> c.contractItems().get(0)).containsExactly(4, 11, 12, 13, 14, 15, 16);
        assertThat(checks).allSatisfy(c -> assertThat(c.scope()).isEqualTo(InspectionScope.EBILL));
        List<CheckResult> results = runAll(checks);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.status()).as(r.name() + ": " + r.evidence()).isEqualTo(CheckStatus.OK);
            assertThat(r.suggestion()).isEmpty();
        });
        assertThat(item(results, 4).figures()).containsEntry("getEBillStatesByBillInfo 结果码", "S0000")
                .containsEntry("响应签名", "校验通过")
                .containsKey("getEBillStatesByBillInfo 响应ms");
        assertThat(item(results, 11).figures()).containsEntry("有效票据代码数", "2");
        assertThat(item(results, 13).figures()).containsEntry("票据图片 HTTP 状态", "200");
        assertThat(item(results, 12).evidence()).contains("只读");
    }

    @Test
    void productionTargetNeverIssuesABill() throws Exception {
        int before = platform.billCount();
        runAll(checks(false, ""));
        assertThat(platform.billCount()).isEqualTo(before);
    }

    @Test
    void testEnvironmentRunsIssueQueryRedFlushRoundTrip() throws Exception {
        int before = platform.billCount();
        Check issuance = issuance(checks(true, ""));
        CheckResult r = issuance.run();
        assertThat(r.status()).as(r.evidence()).isEqualTo(CheckStatus.OK);
        assertThat(r.evidence()).contains("冲红");
        assertThat(r.figures()).containsKeys("invoiceEBillOutpatient 响应ms", "writeOffEBill 响应ms", "冲红票据");
        assertThat(platform.billCount()).isEqualTo(before + 1);
        assertThat(r.evidence()).doesNotContain("testEnvironment");
    }

    @Test
    void testBillInAWrongStateIsStillRedFlushed() throws Exception {
        platform.issueBillsWithState(2);
        CheckResult r = issuance(checks(true, "")).run();
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        String[] bill = r.figures().get("测试票据").split("/");
        assertThat(r.evidence()).contains("状态为 作废").contains("已照常冲红");
        assertThat(r.figures()).containsKey("冲红票据").doesNotContainKey("待处理");
        assertThat(platform.redFlushed(bill[0], bill[1])).contains(true);
    }

    @Test
    void testBillInAWrongStateThatCannotBeRedFlushedIsNamedAsLeftOpen() throws Exception {
        platform.issueBillsWithState(2);
        platform.setFaults(EbillFaults.error("E5003", "作废票据不能冲红", "writeOffEBill"));
        CheckResult r = issuance(checks(true, "")).run();
        String testBill = r.figures().get("测试票据");
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.evidence()).contains("状态为 作废").contains("E5003").contains("作废票据不能冲红")
                .contains("测试票据 " + testBill + " 已开具但未冲红，请在平台手工冲红");
        assertThat(r.suggestion()).contains(testBill).contains("手工冲红");
        String[] bill = testBill.split("/");
        assertThat(platform.redFlushed(bill[0], bill[1])).contains(false);
    }

    @Test
    void testEnvironmentOnAPlatformElsewhereWarnsAtStartAndMarksTheIssuanceEvidence() throws Exception {
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(EbillCheckFactory.class);
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        try (TcpRelay relay = new TcpRelay("127.0.0.1", platform.port())) {
            List<Check> checks = checks("http://%s:%d".formatted(TcpRelay.HOST, relay.port()), true, "");
            assertThat(appender.list).singleElement().satisfies(e -> {
                assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
                assertThat(e.getFormattedMessage()).contains("票据平台").contains(TcpRelay.HOST)
                        .contains("testEnvironment: true").contains("REAL").doesNotContain("test-key-123");
            });
            CheckResult r = issuance(checks).run();
            assertThat(r.status()).as(r.evidence()).isEqualTo(CheckStatus.OK);
            assertThat(r.evidence()).contains("冲红")
                    .contains("本目标地址 %s 不是本机，却设置了 testEnvironment: true".formatted(TcpRelay.HOST))
                    .contains("若这是生产平台，请立即改为 false");
            // only the issuance check issues bills; the other items carry no such note
            assertThat(checks.stream().filter(c -> !c.contractItems().contains(12)).findFirst().orElseThrow().run()
                    .evidence()).doesNotContain("testEnvironment");
        } finally {
            logger.detachAppender(appender);
        }
        appender.list.clear();
        logger.addAppender(appender);
        try {
            checks(true, "");
            checks("http://localhost:%d".formatted(platform.port()), true, "");
            checks("http://10.0.0.8:7001", false, "");
            assertThat(appender.list).as("loopback test platforms and production targets").isEmpty();
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void failedRedFlushNamesTheTestBillLeftIssued() throws Exception {
        platform.setFaults(EbillFaults.error("E5002", "冲红服务暂停", "writeOffEBill"));
        Check issuance = issuance(checks(true, ""));
        CheckResult r = issuance.run();
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.evidence()).contains("E5002").contains("冲红服务暂停");
        assertThat(r.figures().get("待处理")).contains(r.figures().get("测试票据")).contains("手工冲红");
    }

    @Test
    void platformDownIsAFailureForEveryItem() throws Exception {
        platform.setFaults(EbillFaults.portDown());
        List<CheckResult> results = runAll(checks(false, ""));
        assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(CheckStatus.FAIL));
        // item 13 opens the bill's own pictureUrl (no envelope call): its failure is the picture's
        assertThat(results).filteredOn(r -> !r.contractItems().contains(13)).allSatisfy(r -> {
            assertThat(r.figures()).containsEntry("错误类型", "UNREACHABLE");
            assertThat(r.suggestion()).contains("无法连接");
        });
    }

    @Test
    void platformComesBackWhenTheDownFaultIsCleared() throws Exception {
        platform.setFaults(EbillFaults.portDown());
        platform.clearFaults();
        assertThat(item(runAll(checks(false, "items: [4]")), 4).status()).isEqualTo(CheckStatus.OK);
    }

    @Test
    void slowPlatformWarnsAboveTheThreshold() throws Exception {
        platform.setFaults(EbillFaults.slow(400));
        CheckResult r = checks(false, "slowMs: 100\nitems: [4]").get(0).run();
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.evidence()).contains("超过阈值 100 ms");
        assertThat(Long.parseLong(r.figures().get("getEBillStatesByBillInfo 响应ms"))).isGreaterThanOrEqualTo(400);
    }

    @Test
    void platformSlowerThanTheTimeoutFailsWithTimeout() throws Exception {
        platform.setFaults(EbillFaults.slow(2500));
        CheckResult r = checks(false, "timeout: 500ms\nitems: [4]").get(0).run();
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.figures()).containsEntry("错误类型", "TIMEOUT");
        assertThat(r.evidence()).contains("500 ms 内未响应");
    }

    @Test
    void errorCodeFailsWithTheDecodedMessage() throws Exception {
        platform.setFaults(EbillFaults.error("E9001", "票据库存不足，请联系财政局", "getValidBillBatchCode"));
        List<CheckResult> results = runAll(checks(false, ""));
        CheckResult mgmt = item(results, 11);
        assertThat(mgmt.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(mgmt.evidence()).contains("E9001").contains("票据库存不足，请联系财政局");
        assertThat(mgmt.figures()).containsEntry("getValidBillBatchCode 结果码", "E9001");
        assertThat(mgmt.suggestion()).contains("E9001");
        assertThat(item(results, 4).status()).isEqualTo(CheckStatus.OK);
    }

    @Test
    void aResponseSignMismatchWarnsWithEvidenceAndFailsOnlyWhenStrict() throws Exception {
        platform.setFaults(EbillFaults.badSignature());
        CheckResult r = checks(false, "items: [4]").get(0).run();
        assertThat(r.status()).as(r.evidence()).isEqualTo(CheckStatus.WARN);
        assertThat(r.figures()).containsEntry("响应签名", "不一致").containsEntry("getEBillStatesByBillInfo 结果码", "S0000");
        assertThat(r.evidence()).contains("平台返回 01234567…").contains("应为 ").doesNotContain("test-key-123");
        CheckResult strict = checks(false, "items: [4]\nstrictResponseSign: true").get(0).run();
        assertThat(strict.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(strict.suggestion()).contains("strictResponseSign");
    }

    @Test
    void wrongAppKeyIsRejectedByThePlatformAndReported() throws Exception {
        Map<String, String> env = Map.of("TEST_EBILL_KEY", "wrong-key");
        String yaml = """
                name: x
                kind: ebill
                baseUrl: %s
                appid: APP-T
                appKeyEnv: TEST_EBILL_KEY
                placeCode: "001"
                items: [16]
                """.formatted(platform.baseUrl());
        CheckResult r = new EbillCheckFactory(env::get, new PiiMasker(), clock).create(TestTargets.parse(yaml)).get(0).run();
        // the platform refuses the request's sign; its own (correctly keyed) response sign does not match ours either
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.evidence()).contains("签名验证失败");
        assertThat(r.figures()).containsEntry("响应签名", "不一致");
    }

    @Test
    void unknownIssuingPointFailsSystemManagement() throws Exception {
        String yaml = """
                name: x
                kind: ebill
                baseUrl: %s
                appid: APP-T
                appKeyEnv: TEST_EBILL_KEY
                placeCode: "999"
                items: [16]
                """.formatted(platform.baseUrl());
        Map<String, String> env = Map.of("TEST_EBILL_KEY", "test-key-123");
        CheckResult r = new EbillCheckFactory(env::get, new PiiMasker(), clock).create(TestTargets.parse(yaml)).get(0).run();
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.evidence()).contains("E3001").contains("开票点 999 不存在");
    }

    @Test
    void brokenBillPictureFailsArchive() throws Exception {
        platform.setFaults(EbillFaults.brokenPicture());
        CheckResult r = checks(false, "items: [13]").get(0).run();
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.figures()).containsEntry("票据图片 HTTP 状态", "404");
    }

    @Test
    void missingKeyEnvironmentVariableMeansCannotCheck() throws Exception {
        String yaml = """
                name: x
                kind: ebill
                baseUrl: %s
                appid: APP-T
                appKeyEnv: NOT_SET_ANYWHERE
                placeCode: "001"
                """.formatted(platform.baseUrl());
        List<Check> checks = new EbillCheckFactory(k -> null, new PiiMasker(), clock).create(TestTargets.parse(yaml));
        for (Check c : checks) {
            CheckResult r = c.run();
            assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
            assertThat(r.evidence()).contains("NOT_SET_ANYWHERE");
        }
        assertThat(platform.serviceRequests()).isZero();
    }

    @Test
    void missingKnownBillMeansCannotCheckTheBillProbes() throws Exception {
        String yaml = """
                name: x
                kind: ebill
                baseUrl: %s
                appid: APP-T
                appKeyEnv: K
                placeCode: "001"
                items: [4, 15]
                """.formatted(platform.baseUrl());
        Map<String, String> env = Map.of("K", "test-key-123");
        List<CheckResult> results = runAll(new EbillCheckFactory(env::get, new PiiMasker(), clock).create(TestTargets.parse(yaml)));
        assertThat(item(results, 4).status()).isEqualTo(CheckStatus.ERROR);
        assertThat(item(results, 4).suggestion()).contains("knownBill");
        assertThat(item(results, 15).status()).isEqualTo(CheckStatus.OK);
    }

    @Test
    void literalKeyOtherThanSandboxIsAConfigError() {
        String yaml = """
                name: x
                kind: ebill
                baseUrl: http://127.0.0.1:1
                appid: A
                appKey: real-secret
                placeCode: "001"
                """;
        assertThatThrownBy(() -> new EbillCheckFactory(k -> null, new PiiMasker(), clock).create(TestTargets.parse(yaml)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("appKey").hasMessageContaining("appKeyEnv").hasMessageNotContaining("real-secret");
    }

    @Test
    void anHttp500ForTheRedFlushedTestBillIsEvidenceOfTheRedFlushNotAFailure() throws Exception {
        platform.answerHttp500ForRedFlushedBills(true);
        CheckResult r = issuance(checks(true, "")).run();
        assertThat(r.status()).as(r.evidence()).isEqualTo(CheckStatus.OK);
        assertThat(r.evidence()).contains("HTTP 500").contains("视为已冲红").contains("已冲红，冲红票据");
    }

    @Test
    void anEmptyBatchListUnderABillKindWarnsThatTheBatchesAreUsedUp() throws Exception {
        platform.useUpOutpatientBatches(true);
        CheckResult r = item(runAll(checks(false, "items: [11]")), 11);
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.evidence()).contains("票据号段已用完").contains("0101");
    }
}
