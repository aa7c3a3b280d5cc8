package cn.ebillops.ebill;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client of the medical e-bill platform's envelope protocol (see shared reference
 * ebill-platform.md): request {appid, data=Base64(JSON), noise, version, sign}, response
 * {data, noise, sign} whose sign is verified before anything in it is trusted. Every call
 * has a connect and a request timeout and records its response time.
 */
public class EbillClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter TIME17 = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final EbillEndpoint endpoint;
    private final HttpClient http;
    private final BiConsumer<EbillService, Map<String, ?>> onRequest;

    public EbillClient(EbillEndpoint endpoint) {
        // HTTP/1.1 only: the JDK client otherwise offers "Upgrade: h2c" to a platform that speaks 1.1
        this(endpoint, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(endpoint.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    public EbillClient(EbillEndpoint endpoint, HttpClient http) {
        this(endpoint, http, (service, business) -> { });
    }

    private EbillClient(EbillEndpoint endpoint, HttpClient http, BiConsumer<EbillService, Map<String, ?>> onRequest) {
        this.endpoint = endpoint;
        this.http = http;
        this.onRequest = onRequest;
    }

    /** The same client, telling {@code onRequest} each business request before it is sent (the go-live capture records them). */
    public EbillClient observingRequests(BiConsumer<EbillService, Map<String, ?>> onRequest) {
        return new EbillClient(endpoint, http, onRequest);
    }

    public EbillEndpoint endpoint() {
        return endpoint;
    }

    // ---- typed services ----

    /** State of a bill: state 1 normal / 2 void, isScarlet 0/1. */
    public EbillResponse billState(String billBatchCode, String billNo) throws EbillException {
        return call(EbillService.GET_EBILL_STATES_BY_BILL_INFO, Map.of("billBatchCode", billBatchCode, "billNo", billNo));
    }

    /** Bill by business serial: billBatchCode, billNo, random. */
    public EbillResponse billByBusNo(String busNo, String busDateTime) throws EbillException {
        return call(EbillService.GET_EBILL_BY_BUS_NO, Map.of("busNo", busNo, "busDateTime", busDateTime));
    }

    /**
     * Bills issued on business dates (first page only: a probe, not an export). Times are the
     * 17-digit yyyyMMddHHmmssSSS the sibling query getEBillUnPrintList uses (start and end of the days).
     */
    public EbillResponse billsByBusDate(LocalDate from, LocalDate to, String placeCode, String dataType, int pageSize)
            throws EbillException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("busBgnDate", TIME17.format(from.atStartOfDay()));
        m.put("busEndDate", TIME17.format(to.atTime(23, 59, 59, 999_000_000)));
        m.put("placeCode", placeCode);
        m.put("dataType", dataType);
        m.put("pageNo", 1);
        m.put("pageSize", pageSize);
        return call(EbillService.GET_BILL_BY_BUS_DATE, m);
    }

    /** Reconciliation totals of one business day, as real clients ask: busDate, placeCode, pageNo, pageSize. */
    public EbillResponse checkTotalData(LocalDate busDate, String placeCode, int pageNo, int pageSize) throws EbillException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("busDate", DAY.format(busDate));
        m.put("placeCode", placeCode);
        m.put("pageNo", pageNo);
        m.put("pageSize", pageSize);
        return call(EbillService.CHECK_TOTAL_DATA, m);
    }

    public EbillResponse validBillBatchCodes(String placeCode) throws EbillException {
        return call(EbillService.GET_VALID_BILL_BATCH_CODE, Map.of("placeCode", placeCode));
    }

    /** pictureUrl / pictureNetUrl of a bill: a service of the standard (non-medical) platform only. */
    public EbillResponse pictureUrl(String billBatchCode, String billNo, String random) throws EbillException {
        return call(EbillService.GET_EBILL_PIC_URL, Map.of("billBatchCode", billBatchCode, "billNo", billNo, "random", random));
    }

    /** Issues a real outpatient bill: only ever against a test environment. */
    public EbillResponse issueOutpatient(Map<String, Object> bill) throws EbillException {
        return call(EbillService.INVOICE_EBILL_OUTPATIENT, bill);
    }

    public EbillResponse writeOff(String billBatchCode, String billNo, String reason, String operator,
                                  String busDateTime, String placeCode) throws EbillException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("billBatchCode", billBatchCode);
        m.put("billNo", billNo);
        m.put("reason", reason);
        m.put("operator", operator);
        m.put("busDateTime", busDateTime);
        m.put("placeCode", placeCode);
        return call(EbillService.WRITE_OFF_EBILL, m);
    }

    // ---- envelope ----

    public EbillResponse call(EbillService service, Map<String, ?> business) throws EbillException {
        onRequest.accept(service, business);
        String data = Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(business));
        String noise = UUID.randomUUID().toString();
        Map<String, String> envelope = new LinkedHashMap<>();
        envelope.put("appid", endpoint.appid());
        envelope.put("data", data);
        envelope.put("noise", noise);
        envelope.put("version", endpoint.version());
        envelope.put("sign", EbillSign.sign(endpoint.appid(), data, noise, endpoint.appKey(), endpoint.version()));
        HttpRequest request = HttpRequest.newBuilder(endpoint.uri(service))
                .timeout(endpoint.timeout())
                .header("Content-Type", "application/json;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(envelope), StandardCharsets.UTF_8))
                .build();
        long t0 = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw fail(EbillException.Kind.TIMEOUT, service, t0, "连接电子票据平台超时（%d ms）".formatted(endpoint.timeout().toMillis()), e);
        } catch (HttpTimeoutException e) {
            throw fail(EbillException.Kind.TIMEOUT, service, t0, "电子票据平台 %d ms 内未响应".formatted(endpoint.timeout().toMillis()), e);
        } catch (ConnectException e) {
            throw fail(EbillException.Kind.UNREACHABLE, service, t0, "无法连接电子票据平台 " + endpoint.baseUrl(), e);
        } catch (IOException e) {
            throw fail(EbillException.Kind.UNREACHABLE, service, t0, "与电子票据平台通信失败：" + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(EbillException.Kind.TIMEOUT, service, t0, "调用被中断", e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        if (response.statusCode() != 200) {
            throw new EbillException(EbillException.Kind.HTTP_STATUS, service, elapsed,
                    "电子票据平台返回 HTTP " + response.statusCode(), null, response.statusCode());
        }
        return open(service, response.body(), elapsed);
    }

    private EbillResponse open(EbillService service, String body, Duration elapsed) throws EbillException {
        JsonNode outer;
        try {
            outer = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new EbillException(EbillException.Kind.MALFORMED, service, elapsed, "响应不是 JSON", e);
        }
        String data = text(outer, "data");
        String noise = text(outer, "noise");
        String sign = text(outer, "sign");
        if (data == null || noise == null || sign == null) {
            throw new EbillException(EbillException.Kind.MALFORMED, service, elapsed,
                    "响应信封缺少 data/noise/sign 字段", null);
        }
        // checked, not enforced: real HIS clients at most log it (the checks decide: 警告, or 异常 when strict)
        String expected = EbillSign.sign(endpoint.appid(), data, noise, endpoint.appKey(), endpoint.version());
        String signProblem = EbillSign.matches(expected, sign) ? ""
                : "响应签名与按约定公式（MD5，含 appKey）计算的不一致：应为 %s…，平台返回 %s…"
                        .formatted(prefix(expected), prefix(sign));
        JsonNode inner;
        try {
            inner = JSON.readTree(decodeUtf8(data));
        } catch (IllegalArgumentException | JacksonException e) {
            throw new EbillException(EbillException.Kind.MALFORMED, service, elapsed, "响应 data 不是 Base64 编码的 JSON", e);
        }
        String result = text(inner, "result");
        String message = text(inner, "message");
        if (result == null) {
            throw new EbillException(EbillException.Kind.MALFORMED, service, elapsed, "响应缺少 result 字段", null);
        }
        if (!EbillResponse.SUCCESS.equals(result)) {
            return new EbillResponse(service, result, errorText(message), null, elapsed, signProblem);
        }
        String text = errorText(message);
        try {
            JsonNode business = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            return new EbillResponse(service, result, "", business.isObject() || business.isArray() ? business
                    : JSON.createObjectNode(), elapsed, signProblem);
        } catch (JacksonException e) {
            // some paper-bill services answer success with plain text ("成功"), not JSON
            return new EbillResponse(service, result, text, JSON.createObjectNode(), elapsed, signProblem);
        }
    }

    /** The first 8 characters of a sign: enough to compare, never the key (which is not in a sign anyway). */
    private static String prefix(String sign) {
        String s = sign == null ? "" : sign.trim();
        return s.length() <= 8 ? s : s.substring(0, 8);
    }

    /** Failure texts are Base64 per the protocol; tolerate a platform that sends them plain. */
    static String errorText(String message) {
        if (message == null) {
            return "";
        }
        try {
            return decodeUtf8(message);
        } catch (IllegalArgumentException e) {
            return message;
        }
    }

    private static String decodeUtf8(String b64) {
        // strict decoder: the MIME one silently skips non-Base64 characters (plain Chinese text → "")
        byte[] bytes = Base64.getDecoder().decode(b64.replaceAll("\\s", ""));
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node == null ? null : node.get(field);
        return n == null || n.isNull() || n.isContainer() ? null : n.asString();
    }

    private static EbillException fail(EbillException.Kind kind, EbillService service, long t0, String msg, Throwable cause) {
        return new EbillException(kind, service, Duration.ofNanos(System.nanoTime() - t0), msg, cause);
    }
}
