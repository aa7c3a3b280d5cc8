package cn.ebillops.signing.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.config.ConfigException;
import cn.ebillops.ebill.check.TestTargets;
import cn.ebillops.inspection.Check;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.sandbox.signing.SigningFaults;
import cn.ebillops.sandbox.signing.SigningServerStandIn;
import cn.ebillops.signing.HttpJsonSigningClientProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SigningChecksAgainstStandInTest {

    private static final Clock CLOCK = Clock.system(ZoneId.of("Asia/Shanghai"));
    private static SigningServerStandIn server;

    @BeforeAll
    static void start() throws Exception {
        server = new SigningServerStandIn(0, CLOCK);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void reset() throws Exception {
        server.clearFaults();
        server.setRawSm2Signatures(false);
        Instant now = CLOCK.instant();
        server.reissueCertificates(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    private List<Check> checks(String extra) {
        String yaml = """
                name: 签名服务器
                kind: signing
                baseUrl: %s
                %s
                keys:
                  - {algorithm: SM3withSM2, keyIndex: "1"}
                  - {algorithm: SHA256withRSA, keyIndex: "2"}
                %s""".formatted(server.baseUrl(), extra.contains("timeout:") ? "" : "timeout: 3s", extra);
        return new SigningCheckFactory(List.of(new HttpJsonSigningClientProvider(k -> null)), CLOCK).create(TestTargets.parse(yaml));
    }

    private static List<CheckResult> runAll(List<Check> checks) throws Exception {
        List<CheckResult> out = new ArrayList<>();
        for (Check c : checks) {
            out.add(c.run());
        }
        return out;
    }

    private static CheckResult byId(List<CheckResult> results, String prefix, String alg) {
        return results.stream().filter(r -> r.checkId().startsWith(prefix) && r.checkId().contains(alg)).findFirst().orElseThrow();
    }

    @Test
    void healthyServerPassesReachabilitySm2AndRsaRoundTripsAndCertificates() throws Exception {
        List<Check> checks = checks("");
        assertThat(checks).hasSize(5).allSatisfy(c -> {
            assertThat(c.scope()).isEqualTo(InspectionScope.SIGNING);
            assertThat(c.contractItems()).containsExactly(0);
        });
        List<CheckResult> results = runAll(checks);
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.name() + ": " + r.evidence()).isEqualTo(CheckStatus.OK));
        CheckResult sm2 = byId(results, "signing-sign", "SM3withSM2");
        assertThat(sm2.figures()).containsEntry("本地验签", "通过").containsEntry("签名格式", "DER").containsKey("签名耗时ms");
        assertThat(byId(results, "signing-cert", "SM3withSM2").figures().get("剩余天数")).isIn("364", "365");
        assertThat(results.get(0).figures()).containsKey("连接耗时ms");
    }

    @Test
    void rawRsSignaturesFromHardwareInterfacesAreAccepted() throws Exception {
        server.setRawSm2Signatures(true);
        CheckResult r = byId(runAll(checks("")), "signing-sign", "SM3withSM2");
        assertThat(r.status()).isEqualTo(CheckStatus.OK);
        assertThat(r.figures()).containsEntry("签名格式", "r‖s").containsEntry("签名长度字节", "64");
    }

    @Test
    void serverDownFailsEveryCheck() throws Exception {
        server.setFaults(SigningFaults.portDown());
        List<CheckResult> results = runAll(checks(""));
        assertThat(results).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(r.figures()).containsEntry("错误类型", "UNREACHABLE");
            assertThat(r.suggestion()).contains("严重故障");
        });
    }

    @Test
    void badSignatureFromTheServerFailsTheLocalVerification() throws Exception {
        server.setFaults(SigningFaults.wrongSignature());
        List<CheckResult> results = runAll(checks(""));
        for (String alg : List.of("SM3withSM2", "SHA256withRSA")) {
            CheckResult r = byId(results, "signing-sign", alg);
            assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(r.figures()).containsEntry("本地验签", "不通过");
            assertThat(r.suggestion()).contains("1234567812345678");
        }
        assertThat(results.get(0).status()).isEqualTo(CheckStatus.OK);
    }

    @Test
    void serverErrorCodeFails() throws Exception {
        server.setFaults(SigningFaults.error(2003));
        CheckResult r = byId(runAll(checks("")), "signing-sign", "SM3withSM2");
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.evidence()).contains("2003");
    }

    @Test
    void slowSigningWarns() throws Exception {
        server.setFaults(SigningFaults.slow(300));
        CheckResult r = byId(runAll(checks("slowMs: 100")), "signing-sign", "SM3withSM2");
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(Long.parseLong(r.figures().get("签名耗时ms"))).isGreaterThanOrEqualTo(300);
    }

    @Test
    void signingSlowerThanTheTimeoutFails() throws Exception {
        server.setFaults(SigningFaults.slow(2000));
        CheckResult r = byId(runAll(checks("timeout: 400ms")), "signing-sign", "SM3withSM2");
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.figures()).containsEntry("错误类型", "TIMEOUT");
    }

    @Test
    void certificateExpiringInTenDaysWarns() throws Exception {
        Instant now = CLOCK.instant();
        server.reissueCertificates(now.minus(Duration.ofDays(355)), now.plus(Duration.ofDays(10)).plusSeconds(3600));
        CheckResult r = byId(runAll(checks("")), "signing-cert", "SM3withSM2");
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.figures()).containsEntry("剩余天数", "10");
        assertThat(r.suggestion()).contains("10 天内到期");
    }

    @Test
    void expiredCertificateFails() throws Exception {
        Instant now = CLOCK.instant();
        server.reissueCertificates(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(3)));
        List<CheckResult> results = runAll(checks(""));
        CheckResult r = byId(results, "signing-cert", "SHA256withRSA");
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.evidence()).contains("已过期");
    }

    @Test
    void unknownClientTypeIsAConfigError() {
        assertThatThrownBy(() -> checks("client: vendor-x"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("client").hasMessageContaining("http-json");
    }
}
