package cn.ebillops.wecom;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The two callback ciphers, built at start so a malformed EncodingAESKey stops the start with a
 * clear message: AI bot (receiveid "") and self-built app (receiveid = corp id).
 */
@Component
class WecomCryptos {

    private final WecomCrypto aibot;
    private final WecomCrypto app;

    public WecomCryptos(WecomProperties props) {
        var a = props.aibot();
        this.aibot = a.callbackEnabled() ? build("wecom.aibot", a.token(), a.encodingAesKey(), "") : null;
        var p = props.app();
        this.app = p.callbackEnabled() ? build("wecom.app", p.token(), p.encodingAesKey(), p.corpId()) : null;
    }

    private static WecomCrypto build(String prefix, String token, String key, String receiveId) {
        try {
            return new WecomCrypto(token, key, receiveId);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("配置错误 " + prefix + ".encoding-aes-key：" + e.getMessage(), e);
        }
    }

    public Optional<WecomCrypto> aibot() {
        return Optional.ofNullable(aibot);
    }

    public Optional<WecomCrypto> app() {
        return Optional.ofNullable(app);
    }
}
