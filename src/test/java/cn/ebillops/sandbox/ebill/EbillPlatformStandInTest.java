package cn.ebillops.sandbox.ebill;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EbillPlatformStandInTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private EbillPlatformStandIn platform;

    @BeforeEach
    void start() throws Exception {
        platform = new EbillPlatformStandIn("A", "k", 0, Clock.systemUTC());
        platform.start();
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesALoginPageForThePageCheck() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("电子票据").contains("登录");
        assertThat(send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/nope"))).statusCode()).isEqualTo(404);
    }

    @Test
    void faultsAreSwitchableOverHttp() throws Exception {
        URI faults = URI.create(platform.baseUrl() + "/sandbox/faults");
        HttpResponse<String> set = send(HttpRequest.newBuilder(faults).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"errorCode\":\"E7777\",\"errorMessage\":\"演示故障\",\"badSign\":true}")));
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(platform.faults().errorCode()).isEqualTo("E7777");
        assertThat(platform.faults().badSign()).isTrue();
        assertThat(send(HttpRequest.newBuilder(faults).DELETE()).statusCode()).isEqualTo(200);
        assertThat(platform.faults()).isEqualTo(EbillFaults.NONE);
        assertThat(send(HttpRequest.newBuilder(faults).POST(HttpRequest.BodyPublishers.ofString("not json"))).statusCode())
                .isEqualTo(400);
    }

    @Test
    void rejectsARequestWithAWrongSign() throws Exception {
        String body = "{\"appid\":\"A\",\"data\":\"e30=\",\"noise\":\"n\",\"version\":\"1.0\",\"sign\":\"00\"}";
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/medical-web/api/medical/getEBillStatesByBillInfo"))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.statusCode()).isEqualTo(200);
        String inner = new String(java.util.Base64.getDecoder().decode(
                r.body().replaceAll(".*\"data\":\"([^\"]+)\".*", "$1")), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(inner).contains("\"result\":\"E0002\"");
    }

    @Test
    void downFaultClosesThePortAndClearingReopensIt() throws Exception {
        int port = platform.port();
        platform.setFaults(EbillFaults.portDown());
        try (java.net.Socket s = new java.net.Socket()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000))
                    .isInstanceOf(java.net.ConnectException.class);
        }
        platform.clearFaults();
        assertThat(platform.port()).isEqualTo(port);
        assertThat(send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/"))).statusCode()).isEqualTo(200);
    }
}
