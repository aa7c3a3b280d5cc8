package cn.ebillops.sandbox.ebill;

import cn.ebillops.ebill.EbillSign;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
    private static final String SERVICE_PREFIX = "/medical-web/api/medical/";
    // 1x1 transparent PNG
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private final String appid;
    private final String appKey;
    private final LoopbackHttpServer http;
    private final SandboxBillBook bills;
    private final AtomicReference<EbillFaults> faults = new AtomicReference<>(EbillFaults.NONE);
    private final AtomicInteger requests = new AtomicInteger();

    public EbillPlatformStandIn(String appid, String appKey, int port, Clock clock) {
        this.appid = appid;
        this.appKey = appKey;
        this.http = new LoopbackHttpServer("sandbox-ebill", port)
                .route("/", this::page)
                .route(SERVICE_PREFIX, this::service)
                .route("/pic/", this::picture)
                .route("/sandbox/faults", this::faultsEndpoint);
        this.bills = new SandboxBillBook(clock, this::baseUrl, new SandboxBill(KNOWN_BATCH, KNOWN_NO, KNOWN_RANDOM,
                KNOWN_BUS_NO, KNOWN_BUS_TIME, PLACE_CODE, new BigDecimal("25.50"), 1, false));
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
        bills.issueWithState(state);
    }

    /** The outpatient bill kind's batch list runs empty (票据号段已用完). */
    public void useUpOutpatientBatches(boolean usedUp) {
        bills.outpatientBatchesUsedUp(usedUp);
    }

    /** The state query of a red-flushed bill answers HTTP 500, as one real client notes. */
    public void answerHttp500ForRedFlushedBills(boolean on) {
        bills.http500ForRedFlushed(on);
    }

    /** Whether the bill has been red-flushed; empty when the stand-in does not know it. */
    public Optional<Boolean> redFlushed(String billBatchCode, String billNo) {
        return bills.redFlushed(billBatchCode, billNo);
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
        boolean known = bills.knows(name.replace('-', '/'));
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
        SandboxBillBook.Result r;
        if (!appid.equals(reqAppid)) {
            r = SandboxBillBook.Result.error("E0001", "应用账号 appid 不存在");
        } else if (!EbillSign.matches(EbillSign.sign(reqAppid, data, noise, appKey, version), envelope.path("sign").asString(""))) {
            r = SandboxBillBook.Result.error("E0002", "签名验证失败");
        } else if (f.errorFor(serviceName)) {
            r = SandboxBillBook.Result.error(f.errorCode(), f.errorMessage() == null ? "平台内部错误（演示故障）" : f.errorMessage());
        } else {
            try {
                JsonNode business = JSON.readTree(Base64.getDecoder().decode(data));
                r = bills.handle(serviceName, business);
            } catch (IllegalArgumentException | JacksonException e) {
                r = SandboxBillBook.Result.error("E0003", "业务参数 data 不是 Base64 编码的 JSON");
            }
        }
        if (r == SandboxBillBook.Result.HTTP_500) {
            LoopbackHttpServer.send(ex, 500, "text/plain;charset=UTF-8", "Internal Server Error".getBytes(StandardCharsets.UTF_8));
            return;
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

    private static String textOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asString("").isBlank() ? null : v.asString();
    }
}
