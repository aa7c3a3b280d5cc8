package cn.ebillops.ebill.check;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.ebill.EbillSign;
import cn.ebillops.inspection.Check;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.sandbox.ebill.EbillPlatformStandIn;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18 item 5: the go-live capture only reads (one entry per read-only service, no bill issued or
 * red-flushed even on a testEnvironment target), never writes the app key or a sign, masks patient
 * data, and the e-bill checks then say which services it confirmed.
 */
class EbillCaptureTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "live-key-7f3a9c";
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-16T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path tmp;

    private String target(String baseUrl) {
        return """
                name: 医院电子票据平台（生产）
                kind: ebill
                baseUrl: %s
                appid: APP-LIVE
                appKeyEnv: EBILL_KEY
                placeCode: "001"
                testEnvironment: true
                testBill: {chargeCode: "C-TEST", chargeName: 测试收费}
                timeout: 3s
                knownBill: {billBatchCode: "%s", billNo: "%s", random: "%s", busNo: %s, busDateTime: "%s"}
                """.formatted(baseUrl, EbillPlatformStandIn.KNOWN_BATCH, EbillPlatformStandIn.KNOWN_NO,
                EbillPlatformStandIn.KNOWN_RANDOM, EbillPlatformStandIn.KNOWN_BUS_NO, EbillPlatformStandIn.KNOWN_BUS_TIME);
    }

    private Map<String, String> env(String baseUrl) throws Exception {
        Path config = Files.createDirectories(tmp.resolve("bot-config/targets.d"));
        String entry = target(baseUrl).lines().map(l -> "    " + l).reduce("", (a, b) -> a + b + "\n").replaceFirst("    ", "  - ");
        Files.writeString(config.resolve("ebill.yaml"), "targets:\n" + entry, StandardCharsets.UTF_8);
        return Map.of("EBILLOPS_CONFIG_DIR", tmp.resolve("bot-config").toString(),
                "EBILLOPS_DATA_DIR", tmp.resolve("data").toString(), "EBILL_KEY", KEY);
    }

    private int capture(Map<String, String> env, ByteArrayOutputStream out) {
        return EbillCaptureCli.run(new String[0], env, clock, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private Path onlyCaptureFile() throws Exception {
        try (Stream<Path> files = Files.list(tmp.resolve("data/captures"))) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            assertThat(all.get(0).getFileName().toString()).isEqualTo("ebill-医院电子票据平台_生产_-20260116-100000.json");
            return all.get(0);
        }
    }

    @Test
    void aCaptureOfTheStandInRecordsEachReadOnlyServiceOnceIssuesNothingAndWritesNoKey() throws Exception {
        try (EbillPlatformStandIn platform = new EbillPlatformStandIn("APP-LIVE", KEY, 0, clock)) {
            platform.start();
            int bills = platform.billCount();
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            assertThat(capture(env(platform.baseUrl()), out)).as(out.toString(StandardCharsets.UTF_8)).isZero();

            String text = Files.readString(onlyCaptureFile());
            JsonNode doc = JSON.readTree(text);
            List<String> services = new ArrayList<>();
            doc.path("services").forEach(s -> services.add(s.path("service").asString()));
            assertThat(services).containsExactly("getEBillStatesByBillInfo", "getEBillByBusNo", "getBillByBusDate",
                    "checkTotalData", "getValidBillBatchCode");
            assertThat(platform.serviceRequests()).as("one call per read-only service").isEqualTo(5);
            assertThat(platform.billCount()).as("no bill issued although the target says testEnvironment").isEqualTo(bills);
            assertThat(platform.redFlushed(EbillPlatformStandIn.KNOWN_BATCH, EbillPlatformStandIn.KNOWN_NO)).contains(false);
            assertThat(text).doesNotContain(KEY).doesNotContain("invoiceEBillOutpatient").doesNotContain("writeOffEBill")
                    .doesNotContainPattern("[0-9A-Fa-f]{32}").contains("APP-LIVE");
            JsonNode total = doc.path("services").get(3);
            assertThat(total.path("request").path("busDate").asString()).isEqualTo("20260115");
            assertThat(total.path("response").path("allTotalNum").asInt()).isEqualTo(1);
            assertThat(total.path("httpStatus").asInt()).isEqualTo(200);
            assertThat(total.path("responseSign").asString()).isEqualTo("一致");
            doc.path("services").forEach(s -> assertThat(s.path("verdict").asString()).as(s.toString()).isEqualTo("通过"));
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("checkTotalData 总笔数对账：通过").contains("已写入");
        }
    }

    @Test
    void theChecksSayWhichOfTheirServicesTheNewestCaptureConfirmed() throws Exception {
        try (EbillPlatformStandIn platform = new EbillPlatformStandIn("APP-LIVE", KEY, 0, clock)) {
            platform.start();
            Map<String, String> env = env(platform.baseUrl());
            Map<String, String> appEnv = Map.of("EBILL_KEY", KEY, "ebillops.data-dir", tmp.resolve("data").toString());
            List<Check> checks = new EbillCheckFactory(appEnv::get, new PiiMasker(), clock)
                    .create(TestTargets.parse(target(platform.baseUrl())));
            CheckResult before = run(checks, "ebill-report");
            assertThat(before.evidence()).contains("尚未用现场采集确认接口形状（checkTotalData").contains("docs/go-live.md");

            capture(env, new ByteArrayOutputStream());

            assertThat(run(checks, "ebill-report").evidence()).contains("接口形状已由 2026-01-16 的现场采集确认（checkTotalData）");
            assertThat(run(checks, "ebill-management").evidence())
                    .contains("接口形状已由 2026-01-16 的现场采集确认（getValidBillBatchCode）");
            assertThat(run(checks, "ebill-test-bill").evidence()).doesNotContain("现场采集未确认");
        }
    }

    private static CheckResult run(List<Check> checks, String kind) throws Exception {
        for (Check c : checks) {
            if (c.id().startsWith(kind + ":")) {
                return c.run();
            }
        }
        throw new AssertionError("no check " + kind);
    }

    /** A platform that answers with a patient's name, ID number and phone, and signs with another key. */
    @Test
    void patientDataInAnswersIsMaskedAndAWrongResponseSignIsOnlyReportedAsMismatch() throws Exception {
        String business = """
                {"billBatchCode":"44010126","billNo":"0000012345","random":"8a3f21","state":1,"isScarlet":0,
                 "payer":"王小明","idCardNo":"110101199003071234","tel":"13800138000","cardNo":"A12345678",
                 "remark":"患者张三 身份证440102199001011234"}""";
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/medical-web/api/medical/", ex -> {
            ex.getRequestBody().readAllBytes();
            String data = b64("{\"result\":\"S0000\",\"message\":\"" + b64(business) + "\"}");
            byte[] bytes = "{\"data\":\"%s\",\"noise\":\"n1\",\"sign\":\"%s\"}".formatted(data,
                    EbillSign.sign("APP-LIVE", data, "n1", "other-key", "1.0")).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
        try {
            capture(env("http://127.0.0.1:" + server.getAddress().getPort()), new ByteArrayOutputStream());
            String text = Files.readString(onlyCaptureFile());
            assertThat(text).doesNotContain("王小明").doesNotContain("110101199003071234").doesNotContain("13800138000")
                    .doesNotContain("A12345678").doesNotContain("张三").doesNotContain("440102199001011234")
                    .contains("王**").contains("\"billNo\" : \"0000012345\"");
            JsonNode first = JSON.readTree(text).path("services").get(0);
            assertThat(first.path("responseSign").asString()).isEqualTo("不一致");
            assertThat(first.path("verdict").asString()).isEqualTo("通过");
        } finally {
            server.stop(0);
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
