package cn.ebillops.ebill;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The platform's envelope sign: upper-case hex MD5 of the UTF-8 string
 * {@code appid=<appid>&data=<data>&noise=<noise>&key=<appKey>&version=<version>}.
 * The key is mixed in but never sent. Responses are signed with the same formula over the
 * response's data and noise (appid and version of the request).
 */
public final class EbillSign {

    private EbillSign() {
    }

    public static String sign(String appid, String data, String noise, String appKey, String version) {
        String plain = "appid=" + appid + "&data=" + data + "&noise=" + noise + "&key=" + appKey + "&version=" + version;
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(plain.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every JDK", e);
        }
    }

    /** Constant-time comparison, case-insensitive hex (some platforms answer in lower case). */
    public static boolean matches(String expectedUpperHex, String actual) {
        if (actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expectedUpperHex.getBytes(StandardCharsets.US_ASCII),
                actual.trim().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
