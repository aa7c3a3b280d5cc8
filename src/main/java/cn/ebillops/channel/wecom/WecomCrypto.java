package cn.ebillops.channel.wecom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * WeCom callback cipher and signature through WxJava's {@link WxCryptUtil}: AES-256-CBC, PKCS#7
 * to 32 bytes, receiveid = corp id (self-built app) or "" (AI bot). The AI bot's JSON passive
 * reply ({@code msgsignature}, no underscore) is built here because WxJava only builds XML.
 */
public final class WecomCrypto {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final WxCryptUtil util;
    private final String token;
    private final SecureRandom random = new SecureRandom();

    public WecomCrypto(String token, String encodingAesKey, String receiveId) {
        if (encodingAesKey == null || encodingAesKey.length() != 43
                || Base64.getDecoder().decode(encodingAesKey + "=").length != 32) {
            throw new IllegalArgumentException("EncodingAESKey 必须是 43 个字符（Base64 解码后 32 字节）");
        }
        this.util = new WxCryptUtil(token, encodingAesKey, receiveId == null ? "" : receiveId);
        this.token = token;
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

    /** Decrypts a verified cipher text; {@link IllegalArgumentException} when it is not valid. */
    public String decrypt(String encrypt) {
        try {
            return util.decrypt(encrypt);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cipher text cannot be decrypted", e);
        }
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
