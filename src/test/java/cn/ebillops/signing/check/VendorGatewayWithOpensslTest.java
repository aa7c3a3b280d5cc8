package cn.ebillops.signing.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.ebillops.ebill.check.TestTargets;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.signing.HttpJsonSigningClientProvider;
import cn.ebillops.signing.Openssl;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signing checks against a server that is not ours: a hand-written gateway with other
 * paths, field names, a nested response and an auth header, whose signatures and certificate
 * are made by the openssl CLI. Only the target's {@code api} configuration differs.
 */
class VendorGatewayWithOpensslTest {

    private static final Pattern FIELD = Pattern.compile("\"(inData|signAlg|certId)\"\\s*:\\s*\"([^\"]*)\"");

    @TempDir
    Path dir;
    private HttpServer server;
    private final AtomicReference<String> authSeen = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Openssl.supportsSm2(dir), "openssl with SM2 + distid not available");
        Openssl openssl = new Openssl(dir);
        openssl.ok("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", "vendor.key");
        openssl.ok("req", "-new", "-x509", "-key", "vendor.key", "-sm3", "-sigopt", "distid:1234567812345678",
                "-subj", "/CN=Vendor SVS/O=Hospital/C=CN", "-days", "20", "-out", "vendor.crt");
        String certPem = Files.readString(dir.resolve("vendor.crt"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/svs/v2/signData", ex -> {
            authSeen.set(ex.getRequestHeaders().getFirst("X-SVS-Token"));
            Map<String, String> f = fields(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String body;
            try {
                Path in = Files.createTempFile(dir, "in", ".bin");
                Path sig = dir.resolve(in.getFileName() + ".sig");
                Files.write(in, Base64.getDecoder().decode(f.get("inData")));
                openssl.ok("dgst", "-sm3", "-sign", "vendor.key", "-sigopt", "distid:1234567812345678",
                        "-out", sig.getFileName().toString(), in.getFileName().toString());
                body = "{\"resultCode\":\"0000\",\"result\":{\"signValue\":\""
                        + Base64.getEncoder().encodeToString(Files.readAllBytes(sig)) + "\"}}";
            } catch (Exception e) {
                body = "{\"resultCode\":\"9999\",\"errMsg\":\"" + e.getMessage() + "\"}";
            }
            reply(ex, body);
        });
        server.createContext("/svs/v2/exportCert", ex -> {
            ex.getRequestBody().readAllBytes();
            reply(ex, "{\"resultCode\":\"0000\",\"result\":{\"certificate\":\"" + certPem.replace("\n", "\\n") + "\"}}");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static Map<String, String> fields(String json) {
        Map<String, String> m = new java.util.HashMap<>();
        Matcher x = FIELD.matcher(json);
        while (x.find()) {
            m.put(x.group(1), x.group(2));
        }
        return m;
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, String body) throws java.io.IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    @Test
    void checksFollowTheConfiguredVendorApiAndVerifyOpensslSignatures() throws Exception {
        String yaml = """
                name: 厂商签名服务器
                kind: signing
                baseUrl: http://127.0.0.1:%d
                timeout: 5s
                keyIndex: "SIGN01"
                api:
                  signPath: /svs/v2/signData
                  certPath: /svs/v2/exportCert
                  dataField: inData
                  algorithmField: signAlg
                  keyIndexField: certId
                  sm2AlgorithmName: SGD_SM3_SM2
                  codeField: resultCode
                  successCode: "0000"
                  messageField: errMsg
                  signatureField: result.signValue
                  certField: result.certificate
                  authHeader: X-SVS-Token
                  authTokenEnv: SVS_TOKEN
                """.formatted(server.getAddress().getPort());
        var provider = new HttpJsonSigningClientProvider(k -> "SVS_TOKEN".equals(k) ? "t0ken" : null);
        var checks = new SigningCheckFactory(List.of(provider), Clock.systemUTC()).create(TestTargets.parse(yaml));
        assertThat(checks).hasSize(3);
        CheckResult reach = checks.get(0).run();
        CheckResult roundTrip = checks.get(1).run();
        CheckResult cert = checks.get(2).run();
        assertThat(reach.status()).isEqualTo(CheckStatus.OK);
        assertThat(roundTrip.status()).as(roundTrip.evidence()).isEqualTo(CheckStatus.OK);
        assertThat(roundTrip.figures()).containsEntry("本地验签", "通过").containsEntry("签名格式", "DER");
        assertThat(roundTrip.evidence()).contains("Vendor SVS");
        // an OpenSSL certificate valid for 20 days: under the 30-day threshold
        assertThat(cert.status()).isEqualTo(CheckStatus.WARN);
        assertThat(cert.figures().get("剩余天数")).isIn("19", "20");
        assertThat(authSeen.get()).isEqualTo("t0ken");
    }
}
