package cn.ebillops.signing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** Parses X.509 certificates (SM2 ones included, hence Bouncy Castle) from DER, Base64 or PEM. */
final class Certificates {

    private Certificates() {
    }

    public static X509Certificate parse(byte[] derOrPem) throws GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509", BcProvider.get());
        return (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(derOrPem));
    }

    /** Accepts PEM text or Base64 of the DER encoding (what JSON APIs usually carry). */
    public static X509Certificate parseText(String text) throws GeneralSecurityException {
        String t = text.trim();
        if (t.startsWith("-----BEGIN")) {
            return parse(t.getBytes(StandardCharsets.US_ASCII));
        }
        try {
            return parse(Base64.getMimeDecoder().decode(t));
        } catch (IllegalArgumentException e) {
            throw new java.security.cert.CertificateException("证书既不是 PEM 也不是 Base64 编码的 DER", e);
        }
    }

    public static String toPem(X509Certificate cert) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
