package cn.ebillops.wecom;

import cn.ebillops.web.BodyLimit;
import cn.ebillops.web.RequestRefused;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The checks every encrypted callback passes before anything is decrypted or processed. */
@Component
class CallbackGuard {

    static final int MAX_BODY = BodyLimit.MAX_BYTES;
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final Clock clock;

    public CallbackGuard(Clock clock) {
        this.clock = clock;
    }

    /** Reads at most 64 KB; a larger body is refused without reading the rest. */
    public String body(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BODY) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw tooLarge();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CallbackRejected(HttpStatus.BAD_REQUEST, "unreadable_body", "请求体无法读取");
        }
    }

    /** Refuses a timestamp more than 5 minutes away from now (replayed or forged callbacks). */
    public void timestamp(String timestamp) {
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException | NullPointerException e) {
            throw new CallbackRejected(HttpStatus.BAD_REQUEST, "bad_timestamp", "timestamp 缺失或不是数字");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - ts) > MAX_SKEW.toSeconds()) {
            throw new CallbackRejected(HttpStatus.FORBIDDEN, "stale_timestamp", "timestamp 与服务器时间相差超过 5 分钟");
        }
    }

    public String verifyAndDecrypt(WecomCrypto crypto, String signature, String timestamp, String nonce,
                                   String encrypt) {
        timestamp(timestamp);
        if (encrypt == null || encrypt.isBlank()) {
            throw new CallbackRejected(HttpStatus.BAD_REQUEST, "missing_encrypt", "缺少加密内容");
        }
        if (!crypto.verify(signature, timestamp, nonce, encrypt)) {
            throw new CallbackRejected(HttpStatus.FORBIDDEN, "bad_signature", "消息签名校验失败");
        }
        try {
            return crypto.decrypt(encrypt);
        } catch (WecomCrypto.WrongReceiveId e) {
            // Signed with our token but meant for another corp or bot: as untrusted as a bad signature.
            throw new CallbackRejected(HttpStatus.FORBIDDEN, "wrong_receiveid", "消息的 receiveid 与本路线不符");
        } catch (IllegalArgumentException e) {
            throw new CallbackRejected(HttpStatus.BAD_REQUEST, "undecryptable", "密文无法解密");
        }
    }

    private static CallbackRejected tooLarge() {
        RequestRefused shared = BodyLimit.tooLarge(); // the same answer as every other route's
        return new CallbackRejected(shared.status(), shared.code(), shared.getMessage());
    }
}
