package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Hand-made cipher texts with a broken frame or padding: every one is refused with the same
 * plain-text-free message, never with an index error from half-parsed bytes.
 */
class WecomCryptoFramingTest {

    private static final String KEY = WecomCryptoTest.KEY;
    private static final String REFUSED = "cipher text cannot be decrypted";

    private final WecomCrypto aibot = new WecomCrypto("tok", KEY, "");

    /** AES-256-CBC without padding, as WeCom does, over bytes the test pads itself. */
    private static String encryptRaw(byte[] padded) throws Exception {
        byte[] key = Base64.getDecoder().decode(KEY + "=");
        Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOfRange(key, 0, 16)));
        return Base64.getEncoder().encodeToString(c.doFinal(padded));
    }

    /** 16 random bytes, the declared message length, the message, the receiveid. */
    private static byte[] frame(int declaredLength, String message, String receiveId) {
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        byte[] rid = receiveId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(20 + msg.length + rid.length).put(new byte[16]).putInt(declaredLength).put(msg)
                .put(rid).array();
    }

    /** PKCS#7 to 32-byte blocks. */
    private static byte[] pad(byte[] plain) {
        int n = 32 - plain.length % 32;
        byte[] out = Arrays.copyOf(plain, plain.length + n);
        Arrays.fill(out, plain.length, out.length, (byte) n);
        return out;
    }

    @Test
    void aWellFormedFrameWithAnEmptyReceiveIdDecrypts() throws Exception {
        assertThat(aibot.decrypt(encryptRaw(pad(frame(5, "hello", ""))))).isEqualTo("hello");
        assertThat(new WecomCrypto("tok", KEY, null).decrypt(encryptRaw(pad(frame(5, "hello", "")))))
                .as("no receiveid configured means the AI bot's empty one").isEqualTo("hello");
    }

    @Test
    void aFrameShorterThanItsHeaderIsRefused() throws Exception {
        assertThatThrownBy(() -> aibot.decrypt(encryptRaw(pad(new byte[19])))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(REFUSED);
    }

    @Test
    void aDeclaredLengthBeyondTheFrameOrNegativeIsRefused() throws Exception {
        assertThatThrownBy(() -> aibot.decrypt(encryptRaw(pad(frame(6, "hello", ""))))).hasMessage(REFUSED);
        assertThatThrownBy(() -> aibot.decrypt(encryptRaw(pad(frame(100, "hello", ""))))).hasMessage(REFUSED);
        assertThatThrownBy(() -> aibot.decrypt(encryptRaw(pad(frame(-1, "hello", ""))))).hasMessage(REFUSED);
    }

    @Test
    void paddingThatDoesNotCheckOutIsRefused() throws Exception {
        byte[] good = pad(frame(5, "hello", ""));
        byte[] mixed = good.clone();
        mixed[mixed.length - 2] = 1; // last byte says 7, the one before does not
        assertThatThrownBy(() -> aibot.decrypt(encryptRaw(mixed))).hasMessage(REFUSED);

        byte[] zero = good.clone();
        zero[zero.length - 1] = 0;
        assertThatThrownBy(() -> aibot.decrypt(encryptRaw(zero))).hasMessage(REFUSED);

        byte[] tooMuch = new byte[64];
        Arrays.fill(tooMuch, (byte) 33);
        assertThatThrownBy(() -> aibot.decrypt(encryptRaw(tooMuch))).hasMessage(REFUSED);

        byte[] beyondText = new byte[16];
        Arrays.fill(beyondText, (byte) 32); // a full block of padding, but the text has only 16 bytes
        assertThatThrownBy(() -> aibot.decrypt(encryptRaw(beyondText))).hasMessage(REFUSED);
    }

    @Test
    void aFullBlockOfPaddingIsValid() throws Exception {
        byte[] exact = frame(12, "hello world!", ""); // 32 bytes: a whole block of 32 follows
        assertThat(exact).hasSize(32);
        assertThat(aibot.decrypt(encryptRaw(pad(exact)))).isEqualTo("hello world!");
        byte[] oneShort = frame(11, "hello world", ""); // 31 bytes: one byte of padding
        assertThat(aibot.decrypt(encryptRaw(pad(oneShort)))).isEqualTo("hello world");
    }

    @Test
    void emptyOrTruncatedCipherTextIsRefused() {
        assertThatThrownBy(() -> aibot.decrypt("")).hasMessage(REFUSED);
        assertThatThrownBy(() -> aibot.decrypt("AAAAAAAAAAAAAAAAAAAAAA==")).hasMessage(REFUSED); // 16 bytes
    }

    @Test
    void aMissingSignatureTimestampNonceOrCipherTextNeverVerifies() {
        String sig = aibot.signature("1", "n", "e");
        assertThat(aibot.verify(sig, "1", "n", "e")).isTrue();
        assertThat(aibot.verify(null, "1", "n", "e")).isFalse();
        assertThat(aibot.verify(sig, null, "n", "e")).isFalse();
        assertThat(aibot.verify(sig, "1", null, "e")).isFalse();
        assertThat(aibot.verify(sig, "1", "n", null)).isFalse();
        assertThat(aibot.verify(sig.toUpperCase(), "1", "n", "e")).as("hex is compared exactly").isFalse();
    }

    @Test
    void aMissingKeyIsRefusedWithTheSameClearMessage() {
        assertThatThrownBy(() -> new WecomCrypto("t", null, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EncodingAESKey");
        assertThatThrownBy(() -> new WecomCrypto("t", KEY + "A", "")).hasMessageContaining("43 个字符");
    }

    @Test
    void callbackCiphersAreBuiltOnlyForConfiguredRoutesAndABadKeyStopsTheStart() {
        WecomProperties.Robot robot = new WecomProperties.Robot(Map.of(), 20, true, Duration.ofSeconds(1));
        WecomProperties.Aibot aibotOn = new WecomProperties.Aibot(null, null, null, "tok", KEY, Duration.ofSeconds(20),
                Duration.ofSeconds(30), Duration.ofSeconds(60), true);
        WecomProperties.App appOff = new WecomProperties.App("ww1", null, null, null, null);
        WecomCryptos onlyBot = new WecomCryptos(new WecomProperties("https://x", aibotOn, appOff, robot));
        assertThat(onlyBot.aibot()).isPresent();
        assertThat(onlyBot.app()).isEmpty();
        assertThat(onlyBot.aibot().orElseThrow().decrypt(encryptFor(""))).isEqualTo("hi");

        WecomProperties.Aibot aibotOff = new WecomProperties.Aibot(null, null, null, null, null, Duration.ofSeconds(20),
                Duration.ofSeconds(30), Duration.ofSeconds(60), true);
        WecomProperties.App appOn = new WecomProperties.App("ww1", null, null, "tok", KEY);
        WecomCryptos onlyApp = new WecomCryptos(new WecomProperties("https://x", aibotOff, appOn, robot));
        assertThat(onlyApp.aibot()).isEmpty();
        assertThat(onlyApp.app().orElseThrow().decrypt(encryptFor("ww1"))).as("receiveid = corp id").isEqualTo("hi");

        WecomProperties.App badKey = new WecomProperties.App("ww1", null, null, "tok", "short");
        assertThatThrownBy(() -> new WecomCryptos(new WecomProperties("https://x", aibotOff, badKey, robot)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("wecom.app.encoding-aes-key");
    }

    private static String encryptFor(String receiveId) {
        return new WecomCrypto("tok", KEY, receiveId).encrypt("hi");
    }
}
