package cn.ebillops.sandbox.signing;

import cn.ebillops.sandbox.ebill.LoopbackHttpServer;
import cn.ebillops.signing.SignatureAlgorithm;
import cn.ebillops.signing.Signatures;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo/test stand-in of a signature-verification server behind an HTTP/JSON gateway, speaking
 * the default API of {@code HttpJsonSigningApi}: key index "1" is an SM2 key (SM3withSM2), "2" an
 * RSA key (SHA256withRSA); both with self-signed certificates made at start. Faults and
 * certificate validity are switchable at run time ({@link #setFaults}, {@link #reissueCertificates},
 * {@code POST /sandbox/faults}).
 */
public class SigningServerStandIn implements AutoCloseable {

    public static final String SM2_KEY_INDEX = "1";
    public static final String RSA_KEY_INDEX = "2";

    private static final Logger log = LoggerFactory.getLogger(SigningServerStandIn.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Key(KeyPair pair, X509Certificate cert, SignatureAlgorithm algorithm) {
    }

    private final Clock clock;
    private final LoopbackHttpServer http;
    private final KeyPair sm2;
    private final KeyPair rsa;
    private final AtomicReference<Map<String, Key>> keys = new AtomicReference<>();
    private final AtomicReference<SigningFaults> faults = new AtomicReference<>(SigningFaults.NONE);
    private final AtomicBoolean rawSm2 = new AtomicBoolean();

    public SigningServerStandIn(int port, Clock clock) throws GeneralSecurityException {
        this.clock = clock;
        this.sm2 = SandboxKeys.sm2();
        this.rsa = SandboxKeys.rsa();
        Instant now = clock.instant();
        reissueCertificates(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        this.http = new LoopbackHttpServer("sandbox-signing", port)
                .route("/api/svs/sign", this::sign)
                .route("/api/svs/cert", this::cert)
                .route("/sandbox/faults", this::faultsEndpoint);
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

    public X509Certificate certificate(String keyIndex) {
        return keys.get().get(keyIndex).cert();
    }

    /** New self-signed certificates for the same keys, e.g. expiring in 10 days or already expired. */
    public final void reissueCertificates(Instant notBefore, Instant notAfter) throws GeneralSecurityException {
        Map<String, Key> k = new LinkedHashMap<>();
        k.put(SM2_KEY_INDEX, new Key(sm2, SandboxKeys.selfSigned(sm2, "Sandbox SVS SM2", notBefore, notAfter),
                SignatureAlgorithm.SM3_WITH_SM2));
        k.put(RSA_KEY_INDEX, new Key(rsa, SandboxKeys.selfSigned(rsa, "Sandbox SVS RSA", notBefore, notAfter),
                SignatureAlgorithm.SHA256_WITH_RSA));
        keys.set(Map.copyOf(k));
    }

    /** Answer SM2 signatures as raw r‖s (64 bytes) like hardware interfaces, instead of DER. */
    public void setRawSm2Signatures(boolean raw) {
        rawSm2.set(raw);
    }

    public SigningFaults faults() {
        return faults.get();
    }

    public void setFaults(SigningFaults f) throws IOException {
        faults.set(f);
        if (f.down()) {
            http.stop();
        } else if (!http.running()) {
            http.start();
        }
    }

    public void clearFaults() throws IOException {
        setFaults(SigningFaults.NONE);
    }

    // ---- HTTP ----

    private void sign(HttpExchange ex) throws IOException {
        JsonNode q = request(ex);
        if (q == null) {
            return;
        }
        Key key = keys.get().get(q.path("keyIndex").asString(""));
        SignatureAlgorithm alg = SignatureAlgorithm.parse(q.path("algorithm").asString("")).orElse(null);
        if (key == null || alg != key.algorithm()) {
            reply(ex, Map.of("code", 1001, "message", "密钥索引不存在或与算法不匹配"));
            return;
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(q.path("data").asString(""));
        } catch (IllegalArgumentException e) {
            reply(ex, Map.of("code", 1002, "message", "data 不是 Base64"));
            return;
        }
        if (faults.get().badSignature()) {
            data = ("tampered:" + new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        try {
            byte[] sig = Signatures.sign(alg, key.pair().getPrivate(), data);
            if (alg == SignatureAlgorithm.SM3_WITH_SM2 && rawSm2.get()) {
                sig = Signatures.derToRaw(sig);
            }
            reply(ex, Map.of("code", 0, "signature", Base64.getEncoder().encodeToString(sig)));
        } catch (GeneralSecurityException e) {
            log.warn("sandbox signing failed: {}", e.getMessage());
            reply(ex, Map.of("code", 1500, "message", "签名运算失败"));
        }
    }

    private void cert(HttpExchange ex) throws IOException {
        JsonNode q = request(ex);
        if (q == null) {
            return;
        }
        Key key = keys.get().get(q.path("keyIndex").asString(""));
        if (key == null) {
            reply(ex, Map.of("code", 1001, "message", "密钥索引不存在"));
            return;
        }
        try {
            reply(ex, Map.of("code", 0, "cert", Base64.getEncoder().encodeToString(key.cert().getEncoded())));
        } catch (CertificateEncodingException e) {
            reply(ex, Map.of("code", 1500, "message", "证书编码失败"));
        }
    }

    /** Applies delay and error faults; null when the exchange was already answered. */
    private JsonNode request(HttpExchange ex) throws IOException {
        SigningFaults f = faults.get();
        if (f.delayMs() > 0) {
            try {
                Thread.sleep(f.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        if (!"POST".equals(ex.getRequestMethod())) {
            LoopbackHttpServer.sendJson(ex, 405, "{\"error\":\"POST only\"}");
            return null;
        }
        if (f.errorCode() != null) {
            reply(ex, Map.of("code", f.errorCode(), "message", "设备内部错误（演示故障）"));
            return null;
        }
        try {
            return JSON.readTree(ex.getRequestBody().readAllBytes());
        } catch (JacksonException e) {
            LoopbackHttpServer.sendJson(ex, 400, "{\"error\":\"body must be JSON\"}");
            return null;
        }
    }

    private void faultsEndpoint(HttpExchange ex) throws IOException {
        try {
            if ("POST".equals(ex.getRequestMethod())) {
                JsonNode n = JSON.readTree(ex.getRequestBody().readAllBytes());
                SigningFaults f = new SigningFaults(n.path("down").asBoolean(false), n.path("delayMs").asLong(0),
                        n.hasNonNull("errorCode") ? n.get("errorCode").asInt() : null, n.path("badSignature").asBoolean(false));
                if (n.hasNonNull("certValidDays")) {
                    Instant now = clock.instant();
                    long days = n.get("certValidDays").asLong();
                    reissueCertificates(now.minus(Duration.ofDays(Math.max(1, -days + 1))), now.plus(Duration.ofDays(days)));
                }
                if (n.has("rawSignature")) {
                    setRawSm2Signatures(n.get("rawSignature").asBoolean());
                }
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
            if ("DELETE".equals(ex.getRequestMethod())) {
                // back to the state at start: no faults, DER signatures, certificates valid for a year
                clearFaults();
                setRawSm2Signatures(false);
                Instant now = clock.instant();
                reissueCertificates(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
            }
            LoopbackHttpServer.sendJson(ex, 200, JSON.writeValueAsString(faults.get()));
        } catch (JacksonException e) {
            LoopbackHttpServer.sendJson(ex, 400, "{\"error\":\"body must be JSON\"}");
        } catch (GeneralSecurityException e) {
            LoopbackHttpServer.sendJson(ex, 500, "{\"error\":\"certificate reissue failed\"}");
        }
    }

    private void downFor(long seconds) {
        Thread t = new Thread(() -> {
            try {
                setFaults(SigningFaults.portDown());
                Thread.sleep(seconds * 1000);
                if (faults.get().down()) {
                    clearFaults();
                }
            } catch (IOException e) {
                log.warn("sandbox signing server could not restart: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sandbox-signing-down");
        t.setDaemon(true);
        t.start();
    }

    private static void reply(HttpExchange ex, Map<String, Object> body) throws IOException {
        LoopbackHttpServer.sendJson(ex, 200, JSON.writeValueAsString(body));
    }
}
