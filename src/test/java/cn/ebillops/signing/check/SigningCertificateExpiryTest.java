package cn.ebillops.signing.check;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigningCertificateExpiryTest {

    private static CheckResult certResult(Map<String, String> figures) {
        return new CheckResult("signing-cert:svs:SM3withSM2:1", "服务器证书有效期", List.of(0), "签名验签服务器",
                CheckStatus.WARN, figures, "", "", Duration.ofMillis(5));
    }

    @Test
    void readsTheExpiryDateTheCertificateCheckRecorded() {
        var expiry = SigningCertificateExpiry.expiry(certResult(Map.of("到期时间", "2026-12-20 08:00", "剩余天数", "25")));
        assertThat(expiry).hasValueSatisfying(e -> {
            assertThat(e.notAfter()).isEqualTo(LocalDate.of(2026, 12, 20));
            assertThat(e.source()).contains("签名验签服务器");
        });
    }

    @Test
    void noDateOrUnreadableDateMeansUnknownNotAGuess() {
        assertThat(SigningCertificateExpiry.expiry(certResult(Map.of()))).isEmpty();
        assertThat(SigningCertificateExpiry.expiry(certResult(Map.of("到期时间", "明年")))).isEmpty();
    }
}
