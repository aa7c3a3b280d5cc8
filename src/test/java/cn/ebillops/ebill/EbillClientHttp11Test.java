package cn.ebillops.ebill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 18: the platform speaks plain HTTP/1.1; the client must not offer "Upgrade: h2c" (the JDK default). */
class EbillClientHttp11Test {

    @Test
    void requestsAreHttp11WithoutAnUpgradeOffer() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(5000);
            CompletableFuture<List<String>> head = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(5000);
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                    List<String> lines = new ArrayList<>();
                    for (String l = in.readLine(); l != null && !l.isEmpty(); l = in.readLine()) {
                        lines.add(l);
                    }
                    String data = Base64.getEncoder().encodeToString(
                            ("{\"result\":\"S0000\",\"message\":\"" + Base64.getEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8))
                                    + "\"}").getBytes(StandardCharsets.UTF_8));
                    String body = "{\"data\":\"%s\",\"noise\":\"n\",\"sign\":\"%s\"}".formatted(data, EbillSign.sign("A", data, "n", "k", "1.0"));
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                            + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body)
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    return lines;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            EbillClient client = new EbillClient(new EbillEndpoint(URI.create("http://127.0.0.1:" + server.getLocalPort()),
                    EbillEndpoint.MEDICAL_PATH, "A", "k", "1.0", Duration.ofSeconds(3)));
            assertThat(client.billState("44010126", "1").success()).isTrue();
            List<String> lines = head.get(5, TimeUnit.SECONDS);
            assertThat(lines.get(0)).isEqualTo("POST /medical-web/api/medical/getEBillStatesByBillInfo HTTP/1.1");
            assertThat(lines).noneMatch(l -> l.toLowerCase().startsWith("upgrade:"))
                    .noneMatch(l -> l.toLowerCase().startsWith("http2-settings:"));
        }
    }
}
