package cn.ebillops.signing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.sandbox.signing.SandboxKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    private final byte[] msg = "巡检".getBytes(StandardCharsets.UTF_8);

    @Test
    void sm2SignatureRoundTripsAndRawFormIsEquivalent() throws Exception {
        KeyPair kp = SandboxKeys.sm2();
        byte[] der = Signatures.sign(SignatureAlgorithm.SM3_WITH_SM2, kp.getPrivate(), msg);
        assertThat(Signatures.isDerSignature(der)).isTrue();
        byte[] raw = Signatures.derToRaw(der);
        assertThat(raw).hasSize(64);
        assertThat(Signatures.rawToDer(raw)).isEqualTo(der);
        assertThat(Signatures.verify(SignatureAlgorithm.SM3_WITH_SM2, kp.getPublic(), msg, raw)).isTrue();
    }

    @Test
    void signatureMadeWithAnotherUserIdDoesNotVerifyWithTheDefault() throws Exception {
        KeyPair kp = SandboxKeys.sm2();
        byte[] sig = Signatures.sign(SignatureAlgorithm.SM3_WITH_SM2, kp.getPrivate(), msg, "");
        assertThat(Signatures.verify(SignatureAlgorithm.SM3_WITH_SM2, kp.getPublic(), msg, sig)).isFalse();
        assertThat(Signatures.verify(SignatureAlgorithm.SM3_WITH_SM2, kp.getPublic(), msg, sig, "")).isTrue();
    }

    @Test
    void garbageSignatureIsSimplyInvalid() throws Exception {
        KeyPair kp = SandboxKeys.sm2();
        assertThat(Signatures.verify(SignatureAlgorithm.SM3_WITH_SM2, kp.getPublic(), msg, new byte[] {1, 2, 3})).isFalse();
        assertThat(Signatures.verify(SignatureAlgorithm.SM3_WITH_SM2, kp.getPublic(), msg, new byte[64])).isFalse();
    }

    @Test
    void certificateExpiryStatesFollowTheClock() throws Exception {
        KeyPair kp = SandboxKeys.sm2();
        Instant t = Instant.parse("2026-06-01T00:00:00Z");
        X509Certificate cert = SandboxKeys.selfSigned(kp, "c", t, t.plus(100, ChronoUnit.DAYS));
        assertThat(CertificateExpiry.of(cert, at(t.plus(50, ChronoUnit.DAYS)), 30).state()).isEqualTo(CertificateExpiry.State.VALID);
        CertificateExpiry soon = CertificateExpiry.of(cert, at(t.plus(90, ChronoUnit.DAYS)), 30);
        assertThat(soon.state()).isEqualTo(CertificateExpiry.State.EXPIRING);
        assertThat(soon.daysLeft()).isEqualTo(10);
        CertificateExpiry gone = CertificateExpiry.of(cert, at(t.plus(102, ChronoUnit.DAYS)), 30);
        assertThat(gone.state()).isEqualTo(CertificateExpiry.State.EXPIRED);
        assertThat(gone.daysLeft()).isEqualTo(-2);
        assertThat(CertificateExpiry.of(cert, at(t.minus(1, ChronoUnit.DAYS)), 30).state())
                .isEqualTo(CertificateExpiry.State.NOT_YET_VALID);
    }

    @Test
    void certificateParsesFromPemAndBase64Der() throws Exception {
        KeyPair kp = SandboxKeys.sm2();
        X509Certificate cert = SandboxKeys.selfSigned(kp, "p", Instant.now(), Instant.now().plus(1, ChronoUnit.DAYS));
        assertThat(Certificates.parseText(Certificates.toPem(cert))).isEqualTo(cert);
        assertThat(Certificates.parseText(java.util.Base64.getEncoder().encodeToString(cert.getEncoded()))).isEqualTo(cert);
    }

    private static Clock at(Instant i) {
        return Clock.fixed(i, ZoneOffset.UTC);
    }
}
