package cn.ebillops.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;

/**
 * Local signing and verification with Bouncy Castle. SM2 always carries an explicit user ID
 * (default {@value #DEFAULT_SM2_USER_ID}), set BEFORE initSign/initVerify: Bouncy Castle
 * silently ignores an ID set afterwards, which yields signatures no other party verifies.
 * SM2 signatures are accepted DER-encoded or as raw r‖s (64 bytes, hardware interfaces).
 */
public final class Signatures {

    public static final String DEFAULT_SM2_USER_ID = "1234567812345678";
    private static final int SM2_RAW_LENGTH = 64;

    private Signatures() {
    }

    public static byte[] sign(SignatureAlgorithm alg, PrivateKey key, byte[] data) throws GeneralSecurityException {
        return sign(alg, key, data, DEFAULT_SM2_USER_ID);
    }

    public static byte[] sign(SignatureAlgorithm alg, PrivateKey key, byte[] data, String sm2UserId)
            throws GeneralSecurityException {
        Signature s = newSignature(alg, sm2UserId);
        s.initSign(key);
        s.update(data);
        return s.sign();
    }

    public static boolean verify(SignatureAlgorithm alg, PublicKey key, byte[] data, byte[] signature)
            throws GeneralSecurityException {
        return verify(alg, key, data, signature, DEFAULT_SM2_USER_ID);
    }

    /** False for a wrong signature; a malformed one (neither DER nor raw r‖s) is also just false. */
    public static boolean verify(SignatureAlgorithm alg, PublicKey key, byte[] data, byte[] signature, String sm2UserId)
            throws GeneralSecurityException {
        byte[] sig = signature;
        if (alg == SignatureAlgorithm.SM3_WITH_SM2) {
            if (!isDerSignature(signature)) {
                if (signature.length != SM2_RAW_LENGTH) {
                    return false;
                }
                sig = rawToDer(signature);
            }
        }
        Signature s = newSignature(alg, sm2UserId);
        s.initVerify(key);
        s.update(data);
        try {
            return s.verify(sig);
        } catch (java.security.SignatureException e) {
            return false;
        }
    }

    /** Raw r‖s (32 + 32 bytes) → DER SEQUENCE {r, s}. */
    public static byte[] rawToDer(byte[] raw) {
        if (raw.length != SM2_RAW_LENGTH) {
            throw new IllegalArgumentException("raw SM2 signature must be 64 bytes, got " + raw.length);
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(raw, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, 32, 64));
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(r));
        v.add(new ASN1Integer(s));
        try {
            return new DERSequence(v).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** DER SEQUENCE {r, s} → raw r‖s (64 bytes). */
    public static byte[] derToRaw(byte[] der) {
        ASN1Sequence seq = ASN1Sequence.getInstance(der);
        byte[] out = new byte[SM2_RAW_LENGTH];
        copyUnsigned(ASN1Integer.getInstance(seq.getObjectAt(0)).getValue(), out, 0);
        copyUnsigned(ASN1Integer.getInstance(seq.getObjectAt(1)).getValue(), out, 32);
        return out;
    }

    /** True when the bytes are exactly a DER SEQUENCE of two INTEGERs (re-encoding gives the same bytes). */
    public static boolean isDerSignature(byte[] sig) {
        if (sig.length < 8 || sig[0] != 0x30) {
            return false;
        }
        try {
            ASN1Primitive p = ASN1Primitive.fromByteArray(sig);
            if (!(p instanceof ASN1Sequence seq) || seq.size() != 2
                    || !(seq.getObjectAt(0) instanceof ASN1Integer) || !(seq.getObjectAt(1) instanceof ASN1Integer)) {
                return false;
            }
            return Arrays.equals(p.getEncoded(ASN1Encoding.DER), sig);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Signature newSignature(SignatureAlgorithm alg, String sm2UserId) throws GeneralSecurityException {
        Signature s = Signature.getInstance(alg.jcaName(), BcProvider.get());
        if (alg == SignatureAlgorithm.SM3_WITH_SM2) {
            // Must precede initSign/initVerify (see class comment).
            s.setParameter(new SM2ParameterSpec(sm2UserId.getBytes(StandardCharsets.UTF_8)));
        }
        return s;
    }

    private static void copyUnsigned(BigInteger v, byte[] out, int offset) {
        byte[] b = v.toByteArray();
        int start = b.length > 32 ? b.length - 32 : 0;
        int len = b.length - start;
        System.arraycopy(b, start, out, offset + 32 - len, len);
    }
}
