package cn.ebillops.ebill.check;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.ebill.EbillClient;
import cn.ebillops.ebill.EbillEndpoint;
import cn.ebillops.ebill.EbillResponse;
import cn.ebillops.ebill.EbillService;
import cn.ebillops.ebill.EbillSign;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.sandbox.ebill.EbillPlatformStandIn;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18 items 2 and 4: the client and the stand-in each agree with the request/response shapes
 * of the reference (src/main/resources/ebill/reference-shapes.json, written from the reference text),
 * not merely with each other.
 */
class ReferenceShapesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode SHAPES = load();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-16T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private static JsonNode load() {
        try (var in = ReferenceShapesTest.class.getResourceAsStream("/ebill/reference-shapes.json")) {
            return JSON.readTree(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> keys(JsonNode n) {
        Set<String> out = new TreeSet<>();
        n.properties().forEach(e -> out.add(e.getKey()));
        return out;
    }

    /** A platform written here that answers every service with the reference's example and keeps the requests. */
    @Test
    void theChecksSendTheReferenceRequestsAndReadTheReferenceAnswers() throws Exception {
        Map<String, JsonNode> requests = new ConcurrentHashMap<>();
        Map<String, String> raw = new ConcurrentHashMap<>();
        Set<String> flushed = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/medical-web/api/medical/", ex -> {
            String service = ex.getRequestURI().getPath().substring("/medical-web/api/medical/".length());
            JsonNode env = JSON.readTree(ex.getRequestBody().readAllBytes());
            String text = new String(Base64.getDecoder().decode(env.path("data").asString()), StandardCharsets.UTF_8);
            raw.put(service, text);
            JsonNode q = JSON.readTree(text);
            requests.put(service, q);
            String business;
            if (service.equals("getEBillStatesByBillInfo") && flushed.contains(q.path("billNo").asString())) {
                business = "{\"state\":1,\"isScarlet\":1}";
            } else {
                if (service.equals("writeOffEBill")) {
                    flushed.add(q.path("billNo").asString());
                }
                JsonNode shape = SHAPES.get(service);
                business = shape == null ? null : JSON.writeValueAsString(shape.get("response"));
            }
            String inner = business == null ? "{\"result\":\"E0404\",\"message\":\"" + b64("服务不存在") + "\"}"
                    : "{\"result\":\"S0000\",\"message\":\"" + b64(business) + "\"}";
            String data = b64(inner);
            String out = "{\"data\":\"%s\",\"noise\":\"n1\",\"sign\":\"%s\"}".formatted(data,
                    EbillSign.sign("HOSP", data, "n1", "k", "1.0"));
            byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
        try {
            String yaml = """
                    name: 参考平台
                    kind: ebill
                    baseUrl: http://127.0.0.1:%d
                    appid: HOSP
                    appKeyEnv: K
                    placeCode: "001"
                    testEnvironment: true
                    testBill: {chargeCode: "C01", chargeName: 诊查费}
                    interfaceVersion: V2.0.3
                    knownBill: {billBatchCode: "44010126", billNo: "0000012345", random: 8a3f21, busNo: MZ202601150001, busDateTime: "20260115093015123"}
                    """.formatted(server.getAddress().getPort());
            var checks = new EbillCheckFactory(Map.of("K", "k")::get, new PiiMasker(), clock).create(TestTargets.parse(yaml));
            Map<String, CheckResult> byId = new java.util.TreeMap<>();
            for (var c : checks) {
                CheckResult r = c.run();
                byId.put(r.checkId().substring(0, r.checkId().indexOf(':')), r);
            }
            for (String service : new String[] {"getEBillStatesByBillInfo", "getEBillByBusNo", "getBillByBusDate",
                    "checkTotalData", "getValidBillBatchCode", "writeOffEBill"}) {
                assertThat(keys(requests.get(service))).as(service + " request fields")
                        .isEqualTo(keys(SHAPES.get(service).get("request")));
            }
            assertThat(requests.get("checkTotalData").path("busDate").asString()).isEqualTo("20260115");
            assertThat(requests.get("getBillByBusDate").path("busBgnDate").asString()).isEqualTo("20260115000000000");
            assertThat(requests.get("getBillByBusDate").path("busEndDate").asString()).isEqualTo("20260115235959999");
            assertThat(requests).as("no medical client calls the picture service").doesNotContainKey("getEBillPicUrl");
            JsonNode bill = requests.get("invoiceEBillOutpatient");
            assertThat(keys(bill)).containsAll(() -> SHAPES.get("invoiceEBillOutpatient").get("requestHeaderFields")
                    .valueStream().map(JsonNode::asString).iterator());
            assertThat(keys(bill).size()).as("an outpatient issue carries about 32 required fields").isGreaterThanOrEqualTo(32);
            // V2.0.3: category/patientCategory, 6 decimals for price and quantity, visit date yyyy-MM-dd
            assertThat(keys(bill)).contains("category", "patientCategory").doesNotContain("patientCategoryCode");
            assertThat(bill.path("consultationDate").asString()).isEqualTo("2026-01-16");
            assertThat(raw.get("invoiceEBillOutpatient")).contains("\"std\":0.010000").contains("\"number\":1.000000")
                    .contains("\"totalAmt\":0.01");
            assertThat(bill.path("chargeDetail").get(0).path("chargeCode").asString()).isEqualTo("C01");

            assertThat(byId.get("ebill-report").status()).as(byId.get("ebill-report").evidence()).isEqualTo(CheckStatus.OK);
            assertThat(byId.get("ebill-report").evidence()).contains("共 1 张").contains("25.5");
            CheckResult mgmt = byId.get("ebill-management");
            assertThat(mgmt.status()).isEqualTo(CheckStatus.WARN);
            assertThat(mgmt.evidence()).contains("票据号段已用完").contains("0201");
            assertThat(byId.get("ebill-test-bill").status()).as(byId.get("ebill-test-bill").evidence()).isEqualTo(CheckStatus.OK);
            assertThat(byId.get("ebill-delivery").status()).isEqualTo(CheckStatus.OK);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void interfaceVersion3NamesTheCategoryCodeAndRoundsTo4And2() {
        var t = EbillTarget.from(TestTargets.parse("""
                name: v3
                kind: ebill
                baseUrl: http://127.0.0.1:1
                appid: A
                appKey: sandbox
                placeCode: "001"
                testEnvironment: true
                testBill: {chargeCode: "C01", chargeName: 诊查费}
                interfaceVersion: V3.1.0
                """), k -> null);
        Map<String, Object> bill = new TestBill(t).body("XJ1", java.time.LocalDateTime.of(2026, 1, 16, 10, 0));
        assertThat(bill).containsKeys("patientCategory", "patientCategoryCode").doesNotContainKey("category")
                .containsEntry("consultationDate", "20260116");
        @SuppressWarnings("unchecked")
        var charge = ((java.util.List<Map<String, Object>>) bill.get("chargeDetail")).get(0);
        assertThat(((java.math.BigDecimal) charge.get("std")).scale()).isEqualTo(4);
        assertThat(((java.math.BigDecimal) charge.get("number")).scale()).isEqualTo(2);
    }

    @Test
    void theStandInAnswersTheReferenceRequestsWithTheReferenceShapes() throws Exception {
        try (EbillPlatformStandIn platform = new EbillPlatformStandIn("APP", "key", 0, clock)) {
            platform.start();
            EbillClient client = new EbillClient(new EbillEndpoint(URI.create(platform.baseUrl()), EbillEndpoint.MEDICAL_PATH,
                    "APP", "key", "1.0", Duration.ofSeconds(3)));
            // a second bill, on another day, so that a query ignoring its date is seen
            client.issueOutpatient(Map.of("busNo", "OTHER-DAY", "busDateTime", "20260116100000000", "placeCode", "001",
                    "totalAmt", 1, "payChannelDetail", java.util.List.of(Map.of("payChannelCode", "02", "payChannelValue", 1))));
            for (String service : new String[] {"getEBillStatesByBillInfo", "getEBillByBusNo", "getBillByBusDate",
                    "checkTotalData", "getValidBillBatchCode"}) {
                JsonNode shape = SHAPES.get(service);
                EbillResponse r = client.call(service(service), JSON.convertValue(shape.get("request"), Map.class));
                assertThat(r.success()).as(service + ": " + r.message()).isTrue();
                assertThat(keys(r.business())).as(service + " response fields").containsAll(keys(shape.get("response")));
                if (service.equals("checkTotalData") || service.equals("getBillByBusDate")) {
                    assertThat(r.field(service.equals("checkTotalData") ? "allTotalNum" : "total"))
                            .as(service + " counts the asked day's bills only").isEqualTo("1");
                }
            }
            JsonNode kinds = client.validBillBatchCodes("001").business().get("billCodeList");
            assertThat(keys(kinds.get(0))).containsExactlyInAnyOrder("billCode", "billBatchCodeList");
            assertThat(keys(kinds.get(0).get("billBatchCodeList").get(0))).contains("billBatchCode");
            EbillResponse pic = client.pictureUrl(EbillPlatformStandIn.KNOWN_BATCH, EbillPlatformStandIn.KNOWN_NO,
                    EbillPlatformStandIn.KNOWN_RANDOM);
            assertThat(pic.success()).as("the medical platform has no getEBillPicUrl").isFalse();
            assertThat(pic.message()).contains("不存在");
        }
    }

    private static EbillService service(String name) {
        for (EbillService s : EbillService.values()) {
            if (s.serviceName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
