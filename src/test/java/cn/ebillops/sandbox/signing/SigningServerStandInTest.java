package cn.ebillops.sandbox.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SigningServerStandInTest {

    /** A fixed clock: the certificates' validity is then an exact instant, not a day count read off the wall clock. */
    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

    @Test
    void faultsAndCertificateValidityAreSwitchableOverHttpAndDeleteResetsThem() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        try (SigningServerStandIn server = new SigningServerStandIn(0, Clock.fixed(NOW, ZoneOffset.UTC))) {
            server.start();
            URI faults = URI.create(server.baseUrl() + "/sandbox/faults");
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(faults).timeout(Duration.ofSeconds(3))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"certValidDays\":10,\"badSignature\":true,\"rawSignature\":true}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(server.faults().badSignature()).isTrue();
            Instant notAfter = server.certificate(SigningServerStandIn.SM2_KEY_INDEX).getNotAfter().toInstant();
            assertThat(notAfter).isEqualTo(NOW.plus(Duration.ofDays(10)));

            http.send(HttpRequest.newBuilder(faults).timeout(Duration.ofSeconds(3)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(server.faults()).isEqualTo(SigningFaults.NONE);
            notAfter = server.certificate(SigningServerStandIn.RSA_KEY_INDEX).getNotAfter().toInstant();
            assertThat(notAfter).isEqualTo(NOW.plus(Duration.ofDays(365)));
        }
    }
}
