package cn.ebillops.sandbox.ebill;

import cn.ebillops.ebill.EbillSign;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo/test stand-in of the medical e-bill platform on loopback: the real envelope protocol
 * (MD5 sign checked on requests, responses signed), an in-memory bill store where issue and
 * red-flush work, a login page at "/", bill pictures under "/pic/", and run-time fault
 * injection through {@link #setFaults} or {@code POST /sandbox/faults}.
 */
public class EbillPlatformStandIn implements AutoCloseable {

    /** The bill seeded at start, for read-only probes (bot-config/targets.d/ebill-signing.yaml). */
    public static final String KNOWN_BATCH = "44010126";
    public static final String KNOWN_NO = "0000012345";
    public static final String KNOWN_RANDOM = "8a3f21";
    public static final String KNOWN_BUS_NO = "MZ202601150001";
    public static final String KNOWN_BUS_TIME = "20260115093015123";
    public static final String PLACE_CODE = "001";

    private static final Logger log = LoggerFactory.getLogger(EbillPlatformStandIn.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final String SERVICE_PREFIX = "/medical-web/api/medical/";
    // 1x1 transparent PNG
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private final String appid;
    private final String appKey;
    private final Clock clock;
    private final LoopbackHttpServer http;
    private final Map<String, SandboxBill> bills = new ConcurrentHashMap<>();
    private final AtomicInteger nextNo = new AtomicInteger(20_000);
    private final AtomicReference<EbillFaults> faults = new AtomicReference<>(EbillFaults.NONE);
    private final AtomicInteger requests = new AtomicInteger();
    /** State of bills issued from now on (1 normal, 2 void); tests set 2 to see a wrong state handled. */
    private volatile int issuedState = 1;

    public EbillPlatformStandIn(String appid, String appKey, int port, Clock clock) {
        this.appid = appid;
        this.appKey = appKey;
        this.clock = clock;
        this.http = new LoopbackHttpServer("sandbox-ebill", port)
                .route("/", this::page)
                .route(SERVICE_PREFIX, this::service)
                .route("/pic/", this::picture)
                .route("/sandbox/faults", this::faultsEndpoint);
        bills.put(KNOWN_BATCH + "/" + KNOWN_NO, new SandboxBill(KNOWN_BATCH, KNOWN_NO, KNOWN_RANDOM, KNOWN_BUS_NO,
                KNOWN_BUS_TIME, PLACE_CODE, new BigDecimal("25.50"), 1, false));
    }

    public void start() throws IOException {
        http.start();
    }

    @Override
    public void close() {
        http.stop();
    }

    public int port() {
        return http.port();
    }

    public String baseUrl() {
        return http.baseUrl();
    }

    /** Requests served on the service path (tests assert that a check made no call). */
    public int serviceRequests() {
        return requests.get();
    }

    public int billCount() {
        return bills.size();
    }

    public EbillFaults faults() {
        return faults.get();
    }

    /** Switches faults; {@code down} stops the listener, clearing it starts it again on the same port. */
    public void setFaults(EbillFaults f) throws IOException {
        faults.set(f);
        if (f.down()) {
            http.stop();
        } else if (!http.running()) {
            http.start();
        }
    }

    public void clearFaults() throws IOException {
        setFaults(EbillFaults.NONE);
    }

    /** Bills issued from now on get this state (Java API only: a platform that issues a bill wrongly). */
    public void issueBillsWithState(int state) {
        issuedState = state;
    }

    /** Whether the bill has been red-flushed; empty when the stand-in does not know it. */
    public Optional<Boolean> redFlushed(String billBatchCode, String billNo) {
        return Optional.ofNullable(bills.get(billBatchCode + "/" + billNo)).map(SandboxBill::scarlet);
    }

    // ---- HTTP ----

    private void page(HttpExchange ex) throws IOException {
        if (!"/".equals(ex.getRequestURI().getPath())) {
            LoopbackHttpServer.send(ex, 404, "text/plain;charset=UTF-8", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String html = """
                <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>医疗电子票据管理系统（演示）</title></head>
                <body><h1>医疗电子票据管理系统</h1><p>演示环境（sandbox），非真实平台。</p>
                <form><label>用户名 <input name="user"></label> <label>密码 <input type="password" name="pwd"></label>
                <button type="button">登录</button></form></body></html>
                """;
        LoopbackHttpServer.send(ex, 200, "text/html;charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private void picture(HttpExchange ex) throws IOException {
        String name = ex.getRequestURI().getPath().substring("/pic/".length()).replace(".png", "");
        boolean known = bills.containsKey(name.replace('-', '/'));
        if (faults.get().brokenPictures() || !known) {
            LoopbackHttpServer.send(ex, 404, "text/plain;charset=UTF-8", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        LoopbackHttpServer.send(ex, 200, "image/png", PNG);
    }

    private void faultsEndpoint(HttpExchange ex) throws IOException {
        try {
            switch (ex.getRequestMethod()) {
                case "GET" -> { }
                case "DELETE" -> clearFaults();
                case "POST" -> {
                    JsonNode n = JSON.readTree(ex.getRequestBody().readAllBytes());
                    EbillFaults f = new EbillFaults(n.path("down").asBoolean(false), n.path("delayMs").asLong(0),
                            textOrNull(n, "errorCode"), textOrNull(n, "errorMessage"), textOrNull(n, "service"),
                            n.path("badSign").asBoolean(false), n.path("brokenPictures").asBoolean(false));
                    // apply before answering, so that the caller sees the fault in effect; "down" must answer first
                    if (!f.down()) {
                        setFaults(f);
                    }
                    LoopbackHttpServer.sendJson(ex, 200, JSON.writeValueAsString(f));
                    if (f.down()) {
                        downFor(n.path("downSeconds").asLong(60));
                    }
                    return;
                }
                default -> {
                    LoopbackHttpServer.sendJson(ex, 405, "{\"error\":\"method not allowed\"}");
                    return;
                }
            }
            LoopbackHttpServer.sendJson(ex, 200, JSON.writeValueAsString(faults.get()));
        } catch (JacksonException e) {
            LoopbackHttpServer.sendJson(ex, 400, "{\"error\":\"body must be JSON\"}");
        }
    }

    /** Over HTTP the port cannot switch itself back on: it comes back after the given time. */
    private void downFor(long seconds) {
        Thread t = new Thread(() -> {
            try {
                setFaults(EbillFaults.portDown());
                Thread.sleep(seconds * 1000);
                if (faults.get().down()) {
                    clearFaults();
                }
            } catch (IOException e) {
                log.warn("sandbox e-bill platform could not restart: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sandbox-ebill-down");
        t.setDaemon(true);
        t.start();
    }

    private void service(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        EbillFaults f = faults.get();
        if (f.delayMs() > 0) {
            try {
                Thread.sleep(f.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        String serviceName = ex.getRequestURI().getPath().substring(SERVICE_PREFIX.length());
        if (!"POST".equals(ex.getRequestMethod())) {
            LoopbackHttpServer.sendJson(ex, 405, "{\"error\":\"POST only\"}");
            return;
        }
        JsonNode envelope;
        try {
            envelope = JSON.readTree(ex.getRequestBody().readAllBytes());
        } catch (JacksonException e) {
            LoopbackHttpServer.sendJson(ex, 400, "{\"error\":\"body must be JSON\"}");
            return;
        }
        String reqAppid = envelope.path("appid").asString("");
        String data = envelope.path("data").asString("");
        String noise = envelope.path("noise").asString("");
        String version = envelope.path("version").asString("");
        Result r;
        if (!appid.equals(reqAppid)) {
            r = Result.error("E0001", "应用账号 appid 不存在");
        } else if (!EbillSign.matches(EbillSign.sign(reqAppid, data, noise, appKey, version), envelope.path("sign").asString(""))) {
            r = Result.error("E0002", "签名验证失败");
        } else if (f.errorFor(serviceName)) {
            r = Result.error(f.errorCode(), f.errorMessage() == null ? "平台内部错误（演示故障）" : f.errorMessage());
        } else {
            try {
                JsonNode business = JSON.readTree(Base64.getDecoder().decode(data));
                r = handle(serviceName, business, ex);
            } catch (IllegalArgumentException | JacksonException e) {
                r = Result.error("E0003", "业务参数 data 不是 Base64 编码的 JSON");
            }
        }
        String inner = JSON.writeValueAsString(Map.of("result", r.code(), "message",
                Base64.getEncoder().encodeToString(r.message().getBytes(StandardCharsets.UTF_8))));
        String outData = Base64.getEncoder().encodeToString(inner.getBytes(StandardCharsets.UTF_8));
        String outNoise = UUID.randomUUID().toString();
        String sign = f.badSign() ? "0123456789ABCDEF0123456789ABCDEF"
                : EbillSign.sign(appid, outData, outNoise, appKey, version);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("data", outData);
        out.put("noise", outNoise);
        out.put("sign", sign);
        LoopbackHttpServer.sendJson(ex, 200, JSON.writeValueAsString(out));
    }

    private record Result(String code, String message) {
        static Result ok(Object business) {
            return new Result("S0000", JSON.writeValueAsString(business));
        }

        static Result error(String code, String text) {
            return new Result(code, text);
        }
    }

    // ---- business ----

    private Result handle(String service, JsonNode q, HttpExchange ex) {
        return switch (service) {
            case "getEBillStatesByBillInfo" -> find(q).map(b -> Result.ok(Map.of("billBatchCode", b.billBatchCode(),
                    "billNo", b.billNo(), "state", b.state(), "isScarlet", b.scarlet() ? 1 : 0)))
                    .orElse(Result.error("E2001", "票据不存在"));
            case "getEBillByBusNo" -> bills.values().stream()
                    .filter(b -> b.busNo().equals(q.path("busNo").asString("")))
                    .findFirst().map(b -> Result.ok(Map.of("billBatchCode", b.billBatchCode(), "billNo", b.billNo(),
                            "random", b.random(), "pictureUrl", pictureUrl(b))))
                    .orElse(Result.error("E2003", "业务流水号对应的票据不存在"));
            case "getBillByBusDate" -> place(q).orElseGet(() -> {
                List<SandboxBill> in = inRange(q);
                int size = Math.max(1, q.path("pageSize").asInt(10));
                List<Map<String, String>> page = in.stream().limit(size)
                        .map(b -> Map.of("billBatchCode", b.billBatchCode(), "billNo", b.billNo())).toList();
                return Result.ok(Map.of("total", in.size(), "pageNo", 1, "pageSize", size, "billList", page));
            });
            case "checkTotalData" -> place(q).orElseGet(() -> {
                List<SandboxBill> in = inRange(q);
                BigDecimal total = in.stream().map(SandboxBill::totalAmt).reduce(BigDecimal.ZERO, BigDecimal::add);
                long red = in.stream().filter(SandboxBill::scarlet).count();
                return Result.ok(Map.of("copyNum", in.size(), "totalAmt", total, "writeOffNum", red));
            });
            case "getValidBillBatchCode" -> place(q).orElseGet(() -> Result.ok(List.of(
                    Map.of("billBatchCode", "44010101", "billName", "广东省医疗门诊收费票据（纸质）", "billNoRange", "00100001-00200000"),
                    Map.of("billBatchCode", "44010102", "billName", "广东省医疗住院收费票据（纸质）", "billNoRange", "00300001-00400000"))));
            case "getEBillPicUrl" -> find(q).map(b -> b.random().equals(q.path("random").asString(""))
                    ? Result.ok(Map.of("pictureUrl", pictureUrl(b), "pictureNetUrl", pictureUrl(b)))
                    : Result.error("E2002", "票据校验码错误")).orElse(Result.error("E2001", "票据不存在"));
            case "invoiceEBillOutpatient" -> issue(q);
            case "writeOffEBill" -> writeOff(q);
            default -> Result.error("E0404", "服务 " + service + " 不存在（演示平台）");
        };
    }

    private Optional<SandboxBill> find(JsonNode q) {
        return Optional.ofNullable(bills.get(q.path("billBatchCode").asString("") + "/" + q.path("billNo").asString("")));
    }

    /** An error result when the issuing point is unknown. */
    private Optional<Result> place(JsonNode q) {
        return PLACE_CODE.equals(q.path("placeCode").asString("")) ? Optional.empty()
                : Optional.of(Result.error("E3001", "开票点 " + q.path("placeCode").asString("") + " 不存在"));
    }

    private List<SandboxBill> inRange(JsonNode q) {
        String from = q.path("busBgnDate").asString("00000000");
        String to = q.path("busEndDate").asString("99999999");
        return bills.values().stream().filter(b -> {
            String day = b.busDateTime().substring(0, 8);
            return day.compareTo(from) >= 0 && day.compareTo(to) <= 0;
        }).toList();
    }

    private Result issue(JsonNode q) {
        String busNo = q.path("busNo").asString("");
        if (busNo.isEmpty() || bills.values().stream().anyMatch(b -> b.busNo().equals(busNo))) {
            return Result.error("E4001", "业务流水号为空或重复");
        }
        if (place(q).isPresent()) {
            return place(q).get();
        }
        BigDecimal total = q.path("totalAmt").decimalValue(BigDecimal.ZERO);
        BigDecimal paid = BigDecimal.ZERO;
        for (JsonNode p : q.path("payChannelDetail")) {
            paid = paid.add(new BigDecimal(p.path("payChannelValue").asString("0")));
        }
        if (total.signum() <= 0 || total.compareTo(paid) != 0) {
            return Result.error("E4002", "交费渠道金额之和与票据总金额不一致");
        }
        String busTime = q.path("busDateTime").asString(TS.format(LocalDateTime.now(clock)));
        SandboxBill b = new SandboxBill(KNOWN_BATCH, "%010d".formatted(nextNo.incrementAndGet()),
                UUID.randomUUID().toString().substring(0, 6), busNo, busTime, PLACE_CODE, total, issuedState, false);
        bills.put(b.key(), b);
        return Result.ok(Map.of("billBatchCode", b.billBatchCode(), "billNo", b.billNo(), "random", b.random(),
                "createTime", TS.format(LocalDateTime.now(clock)), "billQRCode", "", "pictureUrl", pictureUrl(b),
                "pictureNetUrl", pictureUrl(b)));
    }

    private Result writeOff(JsonNode q) {
        Optional<SandboxBill> found = find(q);
        if (found.isEmpty()) {
            return Result.error("E2001", "票据不存在");
        }
        SandboxBill b = found.get();
        if (b.scarlet()) {
            return Result.error("E5001", "票据已冲红，不能重复冲红");
        }
        bills.put(b.key(), b.redFlushed());
        String redNo = "%010d".formatted(nextNo.incrementAndGet());
        return Result.ok(Map.of("eScarletBillBatchCode", KNOWN_BATCH, "eScarletBillNo", redNo,
                "eScarletRandom", UUID.randomUUID().toString().substring(0, 6),
                "createTime", TS.format(LocalDateTime.now(clock)), "pictureUrl", pictureUrl(b), "pictureNetUrl", pictureUrl(b)));
    }

    private String pictureUrl(SandboxBill b) {
        return baseUrl() + "/pic/" + b.billBatchCode() + "-" + b.billNo() + ".png";
    }

    private static String textOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asString("").isBlank() ? null : v.asString();
    }
}
