package cn.ebillops.ebill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EbillSignTest {

    /**
     * Vector computed outside Java:
     * {@code printf '%s' 'appid=EBOPS-DEMO&data=eyJi...In0=&noise=5f0e...6e7f&key=sandbox&version=1.0' | md5sum}
     * → 390c5f66846b12647cdc36cdad911c9e (data = Base64 of {"billBatchCode":"44010126","billNo":"0000012345"}).
     */
    @Test
    void signMatchesPrecomputedMd5sumVector() {
        String data = "eyJiaWxsQmF0Y2hDb2RlIjoiNDQwMTAxMjYiLCJiaWxsTm8iOiIwMDAwMDEyMzQ1In0=";
        assertThat(EbillSign.sign("EBOPS-DEMO", data, "5f0e6a6e-3c1d-4b7a-9a1e-2f3b4c5d6e7f", "sandbox", "1.0"))
                .isEqualTo("390C5F66846B12647CDC36CDAD911C9E");
    }

    /** Non-ASCII values are hashed as UTF-8: {@code printf '%s' 'appid=医院A&data=5Lit&noise=n&key=密钥&version=1.0' | md5sum}. */
    @Test
    void signHashesUtf8() {
        assertThat(EbillSign.sign("医院A", "5Lit", "n", "密钥", "1.0")).isEqualTo("8557A755C8440B9E632CFFEA09130C90");
    }

    @Test
    void signAgreesWithMd5sumForARandomInput() throws Exception {
        String appid = "APP" + System.nanoTime();
        String noise = java.util.UUID.randomUUID().toString();
        String expected = md5sum("appid=" + appid + "&data=e30=&noise=" + noise + "&key=k3y&version=1.0");
        assumeThat(expected).isNotNull();
        assertThat(EbillSign.sign(appid, "e30=", noise, "k3y", "1.0")).isEqualTo(expected.toUpperCase(Locale.ROOT));
    }

    @Test
    void responseSignComparisonIgnoresCaseAndRejectsOthers() {
        assertThat(EbillSign.matches("ABCDEF", "abcdef")).isTrue();
        assertThat(EbillSign.matches("ABCDEF", "ABCDE0")).isFalse();
        assertThat(EbillSign.matches("ABCDEF", null)).isFalse();
    }

    /** md5sum of the UTF-8 text, or null when the tool is missing. */
    static String md5sum(String text) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("md5sum").redirectErrorStream(true).start();
        } catch (IOException e) {
            return null;
        }
        p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        p.waitFor(10, TimeUnit.SECONDS);
        return out.split("\\s+")[0];
    }
}
