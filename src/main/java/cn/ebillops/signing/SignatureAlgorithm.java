package cn.ebillops.signing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Signature algorithms a signing server offers and this module verifies locally. */
public enum SignatureAlgorithm {
    SM3_WITH_SM2("SM3withSM2", "EC"),
    SHA256_WITH_RSA("SHA256withRSA", "RSA");

    private final String jcaName;
    private final String keyAlgorithm;

    SignatureAlgorithm(String jcaName, String keyAlgorithm) {
        this.jcaName = jcaName;
        this.keyAlgorithm = keyAlgorithm;
    }

    /** The JCA / Bouncy Castle name, also the name used in configuration ("SM3withSM2"). */
    public String jcaName() {
        return jcaName;
    }

    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    public static Optional<SignatureAlgorithm> parse(String s) {
        String n = s.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return Arrays.stream(values())
                .filter(a -> a.jcaName.toLowerCase(Locale.ROOT).equals(n) || a.name().replace("_", "").toLowerCase(Locale.ROOT).equals(n)
                        || (a == SM3_WITH_SM2 && n.equals("sm2")) || (a == SHA256_WITH_RSA && n.equals("rsa")))
                .findFirst();
    }
}
