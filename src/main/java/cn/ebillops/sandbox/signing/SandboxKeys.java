package cn.ebillops.sandbox.signing;

import cn.ebillops.signing.BcProvider;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Key pairs and self-signed certificates for the signing stand-in (generated, never stored). */
public final class SandboxKeys {

    private SandboxKeys() {
    }

    public static KeyPair sm2() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BcProvider.get());
        g.initialize(new ECGenParameterSpec("sm2p256v1"));
        return g.generateKeyPair();
    }

    public static KeyPair rsa() throws GeneralSecurityException {
        // the JDK provider generates RSA keys several times faster than Bouncy Castle
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    /** A self-signed certificate; SM3withSM2 for SM2 keys (BC's default ID 1234567812345678), else SHA256withRSA. */
    public static X509Certificate selfSigned(KeyPair kp, String cn, Instant notBefore, Instant notAfter)
            throws GeneralSecurityException {
        String alg = "RSA".equals(kp.getPublic().getAlgorithm()) ? "SHA256withRSA" : "SM3withSM2";
        X500Name name = new X500Name("CN=" + cn + ",O=EbillOps Sandbox,C=CN");
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()).abs(),
                Date.from(notBefore), Date.from(notAfter), name, kp.getPublic());
        try {
            var signer = new JcaContentSignerBuilder(alg).setProvider(BcProvider.get()).build(kp.getPrivate());
            return new JcaX509CertificateConverter().setProvider(BcProvider.get()).getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
