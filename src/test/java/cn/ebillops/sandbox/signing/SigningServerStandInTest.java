package cn.ebillops.sandbox.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SigningServerStandInTest {

    @Test
    void faultsAndCertificateValidityAreSwitchableOverHttpAndDeleteResetsThem() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        try (SigningServerStandIn server = new SigningServerStandIn(0, Clock.systemUTC())) {
            server.start();
            URI faults = URI.create(server.baseUrl() + "/sandbox/faults");
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(faults).timeout(Duration.ofSeconds(3))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"certValidDays\":10,\"badSignature\":true,\"rawSignature\":true}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(server.faults().badSignature()).isTrue();
            Instant notAfter = server.certificate(SigningServerStandIn.SM2_KEY_INDEX).getNotAfter().toInstant();
            assertThat(Duration.between(Instant.now(), notAfter).toDays()).isBetween(9L, 10L);

            http.send(HttpRequest.newBuilder(faults).timeout(Duration.ofSeconds(3)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(server.faults()).isEqualTo(SigningFaults.NONE);
            notAfter = server.certificate(SigningServerStandIn.RSA_KEY_INDEX).getNotAfter().toInstant();
            assertThat(Duration.between(Instant.now(), notAfter).toDays()).isBetween(364L, 365L);
        }
    }
}
