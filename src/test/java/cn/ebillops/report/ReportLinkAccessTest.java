package cn.ebillops.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.inspection.ReportUrls;
import cn.ebillops.testsupport.ConsoleLogin;
import cn.ebillops.testsupport.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The report route over HTTP: the link from chat passes the gate (then 404 for a run that does
 * not exist: InspectionChatFlowTest downloads a real one); no signature, a changed id or
 * signature, or an expired link is a 403 with a Chinese message (a page for a browser); a
 * logged-in console user needs no signature.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ebillops.console.session-timeout=2s", "ebillops.report.links.secret=" + ReportLinkAccessTest.LINK_SECRET})
class ReportLinkAccessTest {

    /** The same settings as ConsoleLoginTest and EveryRouteWithoutLoginTest: one shared context. */
    static final String LINK_SECRET = "test-link-secret-0123456789abcdef0123";
    static final long MISSING = 999_999;

    @LocalServerPort int port;
    @Autowired ReportUrls urls;
    @Autowired cn.ebillops.schedule.AnnualReportLink annualLinks;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String pathAndQuery, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(30));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String pathOf(String url) {
        URI u = URI.create(url);
        return u.getRawPath() + "?" + u.getRawQuery();
    }

    @Test
    void linkFromChatPassesTheGateAndAnythingChangedDoesNot() throws Exception {
        String link = pathOf(urls.inspectionReport(MISSING));
        assertThat(link).matches("/api/reports/inspections/999999\\.docx\\?expires=\\d+&sig=[\\w-]+");
        assertThat(get(link, null).statusCode()).as("signed, but no such run").isEqualTo(404);

        HttpResponse<String> unsigned = get("/api/reports/inspections/" + MISSING + ".docx", null);
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.body()).contains("\"error\":\"link_invalid\"").contains("报告链接无效");
        assertThat(get(link.replace("999999", "999998"), null).statusCode()).as("other id").isEqualTo(403);
        assertThat(get(link.replace("sig=", "sig=x"), null).statusCode()).as("changed signature").isEqualTo(403);
        assertThat(get(link.replace(".docx?", "/improvement.docx?"), null).statusCode()).as("other document")
                .isEqualTo(403);
        HttpResponse<String> page = get("/api/reports/inspections/" + MISSING + ".docx", "text/html,*/*");
        assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(page.body()).contains("无法下载报告").contains("报告链接无效");
    }

    @Test
    void annualReportLinkDownloadsTheWordFileAndATamperedOneIsRefused() throws Exception {
        String link = pathOf(annualLinks.annualReport(2025));
        assertThat(link).matches("/api/reports/annual/2025\\.docx\\?expires=\\d+&sig=[\\w-]+");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + link))
                .timeout(Duration.ofSeconds(60)).build();
        HttpResponse<byte[]> ok = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).get().asString()
                .startsWith(InspectionReportController.DOCX.toString());
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(ok.body()))) {
            assertThat(doc.getHeaderList().get(0).getText()).contains("NB-2025");
        }
        assertThat(get(link.replace("2025", "2024"), null).statusCode()).as("other year").isEqualTo(403);
        assertThat(get(link.replace("sig=", "sig=x"), null).statusCode()).as("changed signature").isEqualTo(403);
        assertThat(get("/api/reports/annual/2025.docx", null).statusCode()).as("unsigned").isEqualTo(403);
        assertThat(get("/api/reports/annual/abc.docx", null).statusCode()).as("no year, no credentials").isEqualTo(403);
    }

    @Test
    void expiredLinkIsRefused() throws Exception {
        // signed with the application's secret, eight days ago: a week's validity is over
        MutableClock past = new MutableClock(Instant.now().minus(Duration.ofDays(8)), ZoneId.of("Asia/Shanghai"));
        ReportLinkSigner old = new ReportLinkSigner(new ReportLinkSigner.Settings(ReportLinkAccessTest.LINK_SECRET,
                Duration.ofDays(7), false), past);
        HttpResponse<String> res = get("/api/reports/inspections/" + MISSING + ".docx?"
                + old.query(ReportLinks.INSPECTION, MISSING), null);
        assertThat(res.statusCode()).isEqualTo(403);
        assertThat(res.body()).contains("\"error\":\"link_expired\"").contains("报告链接已过期（有效期 7 天）");
    }

    @Test
    void loggedInConsoleUserNeedsNoSignature() {
        ConsoleLogin engineer = ConsoleLogin.as(port, "zhanggong");
        assertThat(engineer.get("/api/reports/inspections/" + MISSING + ".docx").statusCode()).isEqualTo(404);
        assertThat(engineer.get("/api/reports/inspections/" + MISSING + "/improvement.docx").statusCode())
                .isEqualTo(404);
    }
}
