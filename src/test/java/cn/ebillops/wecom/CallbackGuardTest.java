package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.ebillops.testsupport.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

/** What a callback must pass before it is decrypted: body size, timestamp window, signature, receiveid. */
class CallbackGuardTest {

    private static final String TOKEN = "QDG6eK";
    private static final String KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

    private final MutableClock clock = MutableClock.at("2026-12-04T10:00:00+08:00");
    private final CallbackGuard guard = new CallbackGuard(clock);
    private final WecomCrypto crypto = new WecomCrypto(TOKEN, KEY, "");

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static CallbackRejected rejected(ThrowingCallable call) {
        Throwable t = catchThrowable(call);
        assertThat(t).as("the callback is refused").isInstanceOf(CallbackRejected.class);
        return (CallbackRejected) t;
    }

    @Test
    void acceptsATimestampUpToFiveMinutesInThePastOrFuture() {
        assertThatCode(() -> guard.timestamp(String.valueOf(now()))).doesNotThrowAnyException();
        assertThatCode(() -> guard.timestamp(String.valueOf(now() - 300))).doesNotThrowAnyException();
        assertThatCode(() -> guard.timestamp(String.valueOf(now() + 300))).doesNotThrowAnyException();
    }

    @Test
    void refusesATimestampMoreThanFiveMinutesOld() {
        CallbackRejected e = rejected(() -> guard.timestamp(String.valueOf(now() - 301)));
        assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(e.code()).isEqualTo("stale_timestamp");
    }

    @Test
    void refusesATimestampInTheFutureBeyondTheWindow() {
        CallbackRejected e = rejected(() -> guard.timestamp(String.valueOf(now() + 301)));
        assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(e.code()).isEqualTo("stale_timestamp");
        assertThat(rejected(() -> guard.timestamp(String.valueOf(now() + Duration.ofDays(1).toSeconds()))).code())
                .isEqualTo("stale_timestamp");
    }

    @Test
    void refusesAMissingOrNonNumericTimestamp() {
        assertThat(rejected(() -> guard.timestamp(null)).code()).isEqualTo("bad_timestamp");
        CallbackRejected e = rejected(() -> guard.timestamp("12ab"));
        assertThat(e.code()).isEqualTo("bad_timestamp");
        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aFutureTimestampIsRefusedBeforeTheSignatureIsEvenChecked() {
        String ts = String.valueOf(now() + 3600);
        String encrypt = crypto.encrypt("{\"msgtype\":\"text\"}");
        String signature = crypto.signature(ts, "nonce1", encrypt); // correctly signed, still refused
        CallbackRejected e = rejected(() -> guard.verifyAndDecrypt(crypto, signature, ts, "nonce1", encrypt));
        assertThat(e.code()).isEqualTo("stale_timestamp");
    }

    @Test
    void aSignedCallbackWithinTheWindowIsDecrypted() {
        String ts = String.valueOf(now() - 60);
        String encrypt = crypto.encrypt("你好");
        assertThat(guard.verifyAndDecrypt(crypto, crypto.signature(ts, "n", encrypt), ts, "n", encrypt))
                .isEqualTo("你好");
    }

    @Test
    void refusesAMissingCipherTextABadSignatureAnotherReceiverAndGarbage() {
        String ts = String.valueOf(now());
        assertThat(rejected(() -> guard.verifyAndDecrypt(crypto, "x", ts, "n", " ")).code())
                .isEqualTo("missing_encrypt");
        assertThat(rejected(() -> guard.verifyAndDecrypt(crypto, "x", ts, "n", null)).code())
                .isEqualTo("missing_encrypt");

        String encrypt = crypto.encrypt("hi");
        // one hex digit changed: a fixed "0" would equal the real signature whenever it starts with 0 (1 in 16)
        String signature = crypto.signature(ts, "n", encrypt);
        String wrong = (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1);
        CallbackRejected bad = rejected(() -> guard.verifyAndDecrypt(crypto, wrong, ts, "n", encrypt));
        assertThat(bad.code()).isEqualTo("bad_signature");
        assertThat(bad.status()).isEqualTo(HttpStatus.FORBIDDEN);

        String forCorp = new WecomCrypto(TOKEN, KEY, "wwcorp").encrypt("hi");
        CallbackRejected other = rejected(() -> guard.verifyAndDecrypt(crypto, crypto.signature(ts, "n", forCorp), ts,
                "n", forCorp));
        assertThat(other.code()).isEqualTo("wrong_receiveid");
        assertThat(other.status()).isEqualTo(HttpStatus.FORBIDDEN);

        String garbage = "AAAA";
        CallbackRejected g = rejected(() -> guard.verifyAndDecrypt(crypto, crypto.signature(ts, "n", garbage), ts, "n",
                garbage));
        assertThat(g.code()).isEqualTo("undecryptable");
        assertThat(g.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void readsABodyOfExactly64KbAndRefusesOneByteMore() {
        MockHttpServletRequest fits = new MockHttpServletRequest();
        fits.setContent("a".repeat(CallbackGuard.MAX_BODY).getBytes(StandardCharsets.UTF_8));
        assertThat(guard.body(fits)).hasSize(CallbackGuard.MAX_BODY);

        MockHttpServletRequest declared = new MockHttpServletRequest();
        declared.setContent("a".repeat(CallbackGuard.MAX_BODY + 1).getBytes(StandardCharsets.UTF_8));
        CallbackRejected e = rejected(() -> guard.body(declared));
        assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(e.code()).isEqualTo("body_too_large");
    }

    @Test
    void aDeclaredLengthOver64KbIsRefusedBeforeReading() {
        MockHttpServletRequest declared = new MockHttpServletRequest() {
            @Override
            public long getContentLengthLong() {
                return CallbackGuard.MAX_BODY + 1;
            }
        };
        declared.setContent("{}".getBytes(StandardCharsets.UTF_8)); // what arrived so far is small
        assertThat(rejected(() -> guard.body(declared)).code()).isEqualTo("body_too_large");
    }

    @Test
    void refusesAnOversizedBodyWhoseLengthWasNotDeclared() {
        MockHttpServletRequest chunked = new MockHttpServletRequest() {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.setContent("a".repeat(CallbackGuard.MAX_BODY + 1).getBytes(StandardCharsets.UTF_8));
        assertThat(rejected(() -> guard.body(chunked)).code()).isEqualTo("body_too_large");
    }

    @Test
    void anUnreadableBodyIsABadRequest() {
        MockHttpServletRequest broken = new MockHttpServletRequest() {
            @Override
            public jakarta.servlet.ServletInputStream getInputStream() {
                return new jakarta.servlet.ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("connection reset");
                    }

                    @Override
                    public boolean isFinished() {
                        return false;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(jakarta.servlet.ReadListener listener) {
                    }
                };
            }
        };
        CallbackRejected e = rejected(() -> guard.body(broken));
        assertThat(e.code()).isEqualTo("unreadable_body");
        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
