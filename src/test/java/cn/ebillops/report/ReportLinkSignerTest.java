package cn.ebillops.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.report.ReportLinkSigner.Verdict;
import cn.ebillops.testsupport.MutableClock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A signed report link opens its own report until it expires, and nothing else. */
class ReportLinkSignerTest {

    static final String SECRET = "unit-test-link-secret-0123456789abcdef";

    final MutableClock clock = MutableClock.at("2026-12-01T09:00:00+08:00");
    final ReportLinkSigner signer = new ReportLinkSigner(
            new ReportLinkSigner.Settings(SECRET, Duration.ofDays(7), false), clock);

    static Map<String, String> params(String query) {
        return Stream.of(query.split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
    }

    @Test
    void linkWorksUntilItsExpiryAndNotAfter() {
        Map<String, String> q = params(signer.query("inspection", 42));
        assertThat(signer.check("inspection", 42, q.get("expires"), q.get("sig"))).isEqualTo(Verdict.VALID);
        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(signer.check("inspection", 42, q.get("expires"), q.get("sig"))).isEqualTo(Verdict.VALID);
        clock.advance(Duration.ofSeconds(1));
        assertThat(signer.check("inspection", 42, q.get("expires"), q.get("sig"))).isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void changedIdDocumentExpiryOrSignatureIsInvalid() {
        Map<String, String> q = params(signer.query("inspection", 42));
        String sig = q.get("sig");
        String expires = q.get("expires");
        assertThat(signer.check("inspection", 43, expires, sig)).isEqualTo(Verdict.INVALID);
        assertThat(signer.check("improvement", 42, expires, sig)).isEqualTo(Verdict.INVALID);
        assertThat(signer.check("inspection", 42, Long.toString(Long.parseLong(expires) + 86_400), sig))
                .isEqualTo(Verdict.INVALID);
        char last = sig.charAt(sig.length() - 1);
        String altered = sig.substring(0, sig.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(signer.check("inspection", 42, expires, altered)).isEqualTo(Verdict.INVALID);
        assertThat(signer.check("inspection", 42, null, null)).isEqualTo(Verdict.INVALID);
        assertThat(signer.check("inspection", 42, "soon", sig)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void anotherSecretsLinkIsInvalid() {
        ReportLinkSigner other = new ReportLinkSigner(
                new ReportLinkSigner.Settings(SECRET.replace('u', 'v'), Duration.ofDays(7), false), clock);
        Map<String, String> q = params(other.query("inspection", 42));
        assertThat(signer.check("inspection", 42, q.get("expires"), q.get("sig"))).isEqualTo(Verdict.INVALID);
    }

    @Test
    void productionWithoutASecretOrWithAShortOneDoesNotStart() {
        assertThatThrownBy(() -> new ReportLinkSigner(new ReportLinkSigner.Settings("", Duration.ofDays(7), false), clock))
                .hasMessageContaining("未设置 EBILLOPS_LINK_SECRET");
        assertThatThrownBy(() -> new ReportLinkSigner(new ReportLinkSigner.Settings("short", Duration.ofDays(7), false),
                clock)).hasMessageContaining("至少 32 个字符");
        // demo and tests: a random secret, its links valid for this process
        ReportLinkSigner random = new ReportLinkSigner(new ReportLinkSigner.Settings("", Duration.ofDays(7), true), clock);
        Map<String, String> q = params(random.query("inspection", 1));
        assertThat(random.check("inspection", 1, q.get("expires"), q.get("sig"))).isEqualTo(Verdict.VALID);
    }
}
