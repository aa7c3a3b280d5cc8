package cn.ebillops.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.ebillops.sandbox.signing.SandboxKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SM3withSM2 (user ID 1234567812345678) and SHA256withRSA cross-checked against the openssl CLI
 * (OpenSSL 3.0: {@code dgst -sm3 -sign|-verify ... -sigopt distid:1234567812345678}) in both
 * directions, including OpenSSL-made keys and certificates.
 */
class SignaturesOpensslCrossCheckTest {

    private static final String DISTID = "distid:" + Signatures.DEFAULT_SM2_USER_ID;

    @TempDir
    static Path dir;
    static Openssl openssl;

    @BeforeAll
    static void requireOpensslWithSm2() {
        assumeTrue(Openssl.supportsSm2(dir), "openssl with SM2 + distid not available");
        openssl = new Openssl(dir);
    }

    @Test
    void bouncyCastleVerifiesOpensslSm2SignatureAgainstOpensslCertificate() throws Exception {
        openssl.ok("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", "sm2.key");
        openssl.ok("req", "-new", "-x509", "-key", "sm2.key", "-sm3", "-sigopt", DISTID, "-subj", "/CN=openssl-sm2/O=Test/C=CN",
                "-days", "30", "-out", "sm2.crt");
        byte[] msg = "电子票据巡检 openssl → BC".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("msg.bin"), msg);
        openssl.ok("dgst", "-sm3", "-sign", "sm2.key", "-sigopt", DISTID, "-out", "msg.sig", "msg.bin");

        X509Certificate cert = Certificates.parse(Files.readAllBytes(dir.resolve("sm2.crt")));
        byte[] sig = Files.readAllBytes(dir.resolve("msg.sig"));
        assertThat(Signatures.isDerSignature(sig)).isTrue();
        assertThat(Signatures.verify(SignatureAlgorithm.SM3_WITH_SM2, cert.getPublicKey(), msg, sig)).isTrue();
        // the same signature as raw r‖s (hardware form) is accepted too
        assertThat(Signatures.verify(SignatureAlgorithm.SM3_WITH_SM2, cert.getPublicKey(), msg, Signatures.derToRaw(sig))).isTrue();
        // the user ID is part of the signed digest: another ID must not verify
        assertThat(Signatures.verify(SignatureAlgorithm.SM3_WITH_SM2, cert.getPublicKey(), msg, sig, "")).isFalse();
        assertThat(Signatures.verify(SignatureAlgorithm.SM3_WITH_SM2, cert.getPublicKey(), "other".getBytes(), sig)).isFalse();
        // OpenSSL's certificate self-signature (SM2-with-SM3, same distid) also verifies with BC
        cert.verify(cert.getPublicKey(), BcProvider.get());
    }

    @Test
    void opensslVerifiesBouncyCastleSm2Signature() throws Exception {
        KeyPair kp = SandboxKeys.sm2();
        byte[] msg = "BC → openssl 验签".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("bc.bin"), msg);
        Files.write(dir.resolve("bc.sig"), Signatures.sign(SignatureAlgorithm.SM3_WITH_SM2, kp.getPrivate(), msg));
        Files.writeString(dir.resolve("bc-pub.pem"), pem("PUBLIC KEY", kp.getPublic().getEncoded()));

        Openssl.Result ok = openssl.run("dgst", "-sm3", "-verify", "bc-pub.pem", "-sigopt", DISTID, "-signature", "bc.sig", "bc.bin");
        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("Verified OK");
        Openssl.Result wrongId = openssl.run("dgst", "-sm3", "-verify", "bc-pub.pem", "-sigopt", "distid:0000000000000000",
                "-signature", "bc.sig", "bc.bin");
        assertThat(wrongId.exit()).isNotZero();
    }

    @Test
    void opensslAcceptsTheStandInsSm2Certificate() throws Exception {
        KeyPair kp = SandboxKeys.sm2();
        Instant now = Instant.now();
        X509Certificate cert = SandboxKeys.selfSigned(kp, "Sandbox SVS SM2", now.minus(1, ChronoUnit.DAYS), now.plus(10, ChronoUnit.DAYS));
        Files.writeString(dir.resolve("sandbox.crt"), Certificates.toPem(cert));
        Openssl.Result text = openssl.ok("x509", "-in", "sandbox.crt", "-noout", "-text");
        assertThat(text.output()).contains("SM2-with-SM3").contains("CN = Sandbox SVS SM2");
        Openssl.Result verify = openssl.run("verify", "-CAfile", "sandbox.crt", "-vfyopt", DISTID, "sandbox.crt");
        assertThat(verify.exit()).as(verify.output()).isZero();
    }

    @Test
    void rsaSignaturesCrossCheckBothWays() throws Exception {
        openssl.ok("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.key");
        openssl.ok("req", "-new", "-x509", "-key", "rsa.key", "-sha256", "-subj", "/CN=openssl-rsa", "-days", "30", "-out", "rsa.crt");
        byte[] msg = "rsa cross check".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("rsa.bin"), msg);
        openssl.ok("dgst", "-sha256", "-sign", "rsa.key", "-out", "rsa.sig", "rsa.bin");
        X509Certificate cert = Certificates.parse(Files.readAllBytes(dir.resolve("rsa.crt")));
        assertThat(Signatures.verify(SignatureAlgorithm.SHA256_WITH_RSA, cert.getPublicKey(), msg,
                Files.readAllBytes(dir.resolve("rsa.sig")))).isTrue();

        KeyPair kp = SandboxKeys.rsa();
        Files.write(dir.resolve("bc-rsa.sig"), Signatures.sign(SignatureAlgorithm.SHA256_WITH_RSA, kp.getPrivate(), msg));
        Files.writeString(dir.resolve("bc-rsa-pub.pem"), pem("PUBLIC KEY", kp.getPublic().getEncoded()));
        Openssl.Result r = openssl.run("dgst", "-sha256", "-verify", "bc-rsa-pub.pem", "-signature", "bc-rsa.sig", "rsa.bin");
        assertThat(r.output()).contains("Verified OK");
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
