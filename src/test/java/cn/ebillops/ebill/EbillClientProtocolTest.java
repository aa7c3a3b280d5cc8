package cn.ebillops.ebill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.ebill.check.EbillCheckFactory;
import cn.ebillops.ebill.check.TestTargets;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a platform written here by hand, independent of the stand-in and of
 * {@link EbillSign}: JSON built as text, MD5 computed inline, the request's sign verified
 * the platform's way. Follows the protocol, not our own implementation of it.
 */
class EbillClientProtocolTest {

    private static final String APPID = "HOSP-001";
    private static final String KEY = "k-9f8e7d";
    private static final Pattern FIELD = Pattern.compile("\"(appid|data|noise|version|sign)\"\\s*:\\s*\"([^\"]*)\"");

    private HttpServer server;
    /** What the hand-written platform answers: (service, decoded request data) → raw response body. */
    private final AtomicReference<Function<String[], String>> answer = new AtomicReference<>();
    private final AtomicReference<String> lastRequestData = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/medical-web/api/medical/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> f = new java.util.HashMap<>();
            Matcher m = FIELD.matcher(body);
            while (m.find()) {
                f.put(m.group(1), m.group(2));
            }
            String expected = md5("appid=" + f.get("appid") + "&data=" + f.get("data") + "&noise=" + f.get("noise")
                    + "&key=" + KEY + "&version=" + f.get("version"));
            String service = ex.getRequestURI().getPath().substring("/medical-web/api/medical/".length());
            String response;
            if (!APPID.equals(f.get("appid")) || !"1.0".equals(f.get("version")) || !expected.equals(f.get("sign"))) {
                response = envelope("{\"result\":\"E0401\",\"message\":\"" + b64("请求签名错误") + "\"}", true);
            } else {
                String data = new String(Base64.getDecoder().decode(f.get("data")), StandardCharsets.UTF_8);
                lastRequestData.set(data);
                response = answer.get().apply(new String[] {service, data});
            }
            byte[] out = response.getBytes(StandardCharsets.UTF_8);
            int status = response.startsWith("HTTP500") ? 500 : 200;
            ex.sendResponseHeaders(status, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private EbillClient client() {
        return new EbillClient(new EbillEndpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                EbillEndpoint.MEDICAL_PATH, APPID, KEY, "1.0", Duration.ofSeconds(3)));
    }

    static String md5(String s) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A response envelope; the response sign uses the request's appid and version. */
    static String envelope(String inner, boolean goodSign) {
        String data = b64(inner);
        String noise = "resp-noise-42";
        String sign = goodSign ? md5("appid=" + APPID + "&data=" + data + "&noise=" + noise + "&key=" + KEY + "&version=1.0")
                : md5("tampered");
        return "{\"data\":\"" + data + "\",\"noise\":\"" + noise + "\",\"sign\":\"" + sign + "\"}";
    }

    static String success(String businessJson) {
        return envelope("{\"result\":\"S0000\",\"message\":\"" + b64(businessJson) + "\"}", true);
    }

    @Test
    void successfulCallIsSignedCorrectlyAndDecoded() throws Exception {
        answer.set(q -> success("{\"billBatchCode\":\"44010126\",\"billNo\":\"0000012345\",\"state\":1,\"isScarlet\":0}"));
        EbillResponse r = client().billState("44010126", "0000012345");
        assertThat(r.success()).isTrue();
        assertThat(r.field("state")).isEqualTo("1");
        assertThat(r.field("isScarlet")).isEqualTo("0");
        assertThat(r.elapsed()).isPositive();
        assertThat(lastRequestData.get()).contains("\"billBatchCode\":\"44010126\"").contains("\"billNo\":\"0000012345\"");
    }

    @Test
    void errorResultCarriesTheDecodedMessage() throws Exception {
        answer.set(q -> envelope("{\"result\":\"E2001\",\"message\":\"" + b64("票据不存在：请核对票据代码") + "\"}", true));
        EbillResponse r = client().billByBusNo("MZ1", "20260115093015123");
        assertThat(r.success()).isFalse();
        assertThat(r.resultCode()).isEqualTo("E2001");
        assertThat(r.message()).isEqualTo("票据不存在：请核对票据代码");
    }

    @Test
    void plainTextErrorMessageIsTolerated() throws Exception {
        answer.set(q -> envelope("{\"result\":\"E9999\",\"message\":\"系统繁忙\"}", true));
        assertThat(client().validBillBatchCodes("001").message()).isEqualTo("系统繁忙");
    }

    @Test
    void lowerCaseResponseSignIsAccepted() throws Exception {
        answer.set(q -> lowerSign(success("{\"pictureUrl\":\"http://x/p.png\"}")));
        assertThat(client().pictureUrl("a", "b", "c").field("pictureUrl")).isEqualTo("http://x/p.png");
    }

    private static String lowerSign(String env) {
        Matcher m = Pattern.compile("\"sign\":\"([0-9A-F]+)\"").matcher(env);
        return m.replaceFirst("\"sign\":\"" + (m.find(0) ? m.group(1).toLowerCase() : "") + "\"");
    }

    @Test
    void responseWithAWrongSignIsReadAndCarriesTheEvidenceWithoutTheKey() throws Exception {
        // real HIS clients do not refuse a response for its sign: the client reads it and says what differed
        answer.set(q -> envelope("{\"result\":\"S0000\",\"message\":\"" + b64("{\"allTotalNum\":3}") + "\"}", false));
        EbillResponse r = client().checkTotalData(java.time.LocalDate.of(2026, 1, 1), "001", 1, 10);
        assertThat(r.success()).isTrue();
        assertThat(r.field("allTotalNum")).isEqualTo("3");
        String got = md5("tampered").substring(0, 8);
        assertThat(r.signProblem()).contains("平台返回 " + got + "…").contains("应为 ").doesNotContain(KEY)
                .doesNotContain(md5("tampered"));
    }

    @Test
    void aSuccessWithAPlainTextMessageIsAccepted() throws Exception {
        // some paper-bill services answer success with "成功", plain or Base64, not JSON
        answer.set(q -> envelope("{\"result\":\"S0000\",\"message\":\"成功\"}", true));
        EbillResponse plain = client().validBillBatchCodes("001");
        assertThat(plain.success()).isTrue();
        assertThat(plain.message()).isEqualTo("成功");
        answer.set(q -> envelope("{\"result\":\"S0000\",\"message\":\"" + b64("成功") + "\"}", true));
        assertThat(client().validBillBatchCodes("001").message()).isEqualTo("成功");
    }

    @Test
    void http500CarriesItsStatus() {
        answer.set(q -> "HTTP500 internal error");
        assertThatThrownBy(() -> client().billState("a", "b"))
                .isInstanceOfSatisfying(EbillException.class, e -> assertThat(e.httpStatus()).isEqualTo(500));
    }

    @Test
    void httpErrorAndNonJsonAreReported() {
        answer.set(q -> "HTTP500 internal error");
        assertThatThrownBy(() -> client().billState("a", "b"))
                .isInstanceOfSatisfying(EbillException.class, e -> assertThat(e.kind()).isEqualTo(EbillException.Kind.HTTP_STATUS));
        answer.set(q -> "<html>gateway</html>");
        assertThatThrownBy(() -> client().billState("a", "b"))
                .isInstanceOfSatisfying(EbillException.class, e -> assertThat(e.kind()).isEqualTo(EbillException.Kind.MALFORMED));
    }

    @Test
    void interfaceAndDeliveryChecksPassAgainstTheHandWrittenPlatform() throws Exception {
        answer.set(q -> switch (q[0]) {
            case "getEBillStatesByBillInfo" -> success("{\"state\":1,\"isScarlet\":0}");
            case "getEBillByBusNo" -> success("{\"billBatchCode\":\"44010126\",\"billNo\":\"0000000007\",\"random\":\"abc123\"}");
            default -> envelope("{\"result\":\"E0404\",\"message\":\"" + b64("no such service") + "\"}", true);
        });
        String yaml = """
                name: 手写平台
                kind: ebill
                baseUrl: http://127.0.0.1:%d
                appid: HOSP-001
                appKeyEnv: HAND_KEY
                placeCode: "001"
                items: [4, 14]
                knownBill: {billBatchCode: "44010126", billNo: "0000000007", random: abc123, busNo: MZ7, busDateTime: "20260115093015123"}
                """.formatted(server.getAddress().getPort());
        var checks = new EbillCheckFactory(Map.of("HAND_KEY", KEY)::get, new PiiMasker(), Clock.systemUTC())
                .create(TestTargets.parse(yaml));
        for (var c : checks) {
            CheckResult r = c.run();
            assertThat(r.status()).as(r.evidence()).isEqualTo(CheckStatus.OK);
        }
        assertThat(lastRequestData.get()).contains("\"busNo\":\"MZ7\"");
    }
}
