package cn.ebillops.wecom;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * WeCom callback cipher and signature: AES-256-CBC, PKCS#7 to 32 bytes, receiveid = corp id
 * (self-built app) or "" (AI bot). Encryption and the signature come from WxJava's
 * {@link WxCryptUtil}; decryption is done here because WxJava's never compares the receiveid
 * (a message encrypted for another corp would pass). The AI bot's JSON passive reply
 * ({@code msgsignature}, no underscore) is built here because WxJava only builds XML.
 */
public final class WecomCrypto {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static final int BLOCK = 32;

    /** The plain text decrypted but was meant for another receiver (corp id / AI bot). */
    public static final class WrongReceiveId extends IllegalArgumentException {
        WrongReceiveId() {
            super("receiveid does not match");
        }
    }

    private final WxCryptUtil util;
    private final String token;
    private final byte[] aesKey;
    private final byte[] receiveId;
    private final SecureRandom random = new SecureRandom();

    public WecomCrypto(String token, String encodingAesKey, String receiveId) {
        if (encodingAesKey == null || encodingAesKey.length() != 43
                || Base64.getDecoder().decode(encodingAesKey + "=").length != 32) {
            throw new IllegalArgumentException("EncodingAESKey 必须是 43 个字符（Base64 解码后 32 字节）");
        }
        String rid = receiveId == null ? "" : receiveId;
        this.util = new WxCryptUtil(token, encodingAesKey, rid);
        this.token = token;
        this.aesKey = Base64.getDecoder().decode(encodingAesKey + "=");
        this.receiveId = rid.getBytes(StandardCharsets.UTF_8);
    }

    /** Lower-case hex SHA-1 of token, timestamp, nonce, encrypt sorted and concatenated. */
    public String signature(String timestamp, String nonce, String encrypt) {
        return SHA1.gen(token, timestamp, nonce, encrypt);
    }

    public boolean verify(String msgSignature, String timestamp, String nonce, String encrypt) {
        if (msgSignature == null || timestamp == null || nonce == null || encrypt == null) {
            return false;
        }
        return MessageDigest.isEqual(signature(timestamp, nonce, encrypt).getBytes(StandardCharsets.US_ASCII),
                msgSignature.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Decrypts a verified cipher text: 16 random bytes, 4-byte length, message, receiveid.
     * {@link WrongReceiveId} when the receiveid is not ours, {@link IllegalArgumentException}
     * when the text is not valid at all. Neither exception carries any of the plain text.
     */
    public String decrypt(String encrypt) {
        byte[] plain = unpad(aes(encrypt));
        if (plain.length < 20) {
            throw new IllegalArgumentException("cipher text cannot be decrypted");
        }
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (length < 0 || length > plain.length - 20) {
            throw new IllegalArgumentException("cipher text cannot be decrypted");
        }
        byte[] rid = Arrays.copyOfRange(plain, 20 + length, plain.length);
        if (!MessageDigest.isEqual(rid, receiveId)) {
            throw new WrongReceiveId();
        }
        return new String(plain, 20, length, StandardCharsets.UTF_8);
    }

    private byte[] aes(String encrypt) {
        try {
            byte[] cipherText = Base64.getMimeDecoder().decode(encrypt);
            if (cipherText.length == 0 || cipherText.length % 16 != 0) {
                throw new IllegalArgumentException("cipher text cannot be decrypted");
            }
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"),
                    new IvParameterSpec(Arrays.copyOfRange(aesKey, 0, 16)));
            return cipher.doFinal(cipherText);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cipher text cannot be decrypted");
        }
    }

    /** PKCS#7 to 32-byte blocks (WeCom's choice, not AES's 16); a wrong pad means a wrong key or text. */
    private static byte[] unpad(byte[] padded) {
        int pad = padded[padded.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || pad > padded.length) {
            throw new IllegalArgumentException("cipher text cannot be decrypted");
        }
        for (int i = padded.length - pad; i < padded.length; i++) {
            if ((padded[i] & 0xff) != pad) {
                throw new IllegalArgumentException("cipher text cannot be decrypted");
            }
        }
        return Arrays.copyOf(padded, padded.length - pad);
    }

    public String encrypt(String plain) {
        return util.encrypt(randomString(), plain);
    }

    /** The AI bot passive reply: {"encrypt","msgsignature","timestamp","nonce"} with the callback's nonce. */
    public Map<String, String> jsonReply(String plainJson, String timestamp, String nonce) {
        String encrypt = encrypt(plainJson);
        Map<String, String> reply = new LinkedHashMap<>();
        reply.put("encrypt", encrypt);
        reply.put("msgsignature", signature(timestamp, nonce, encrypt));
        reply.put("timestamp", timestamp);
        reply.put("nonce", nonce);
        return reply;
    }

    private String randomString() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return sb.toString();
    }
}
