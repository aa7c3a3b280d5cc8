package cn.ebillops.wecom;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** JSON over HTTP to WeCom with timeouts; transport failures come back as errcode -1 (retryable). */
@Component
class WecomHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final ObjectMapper mapper;

    public WecomHttp(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public JsonNode get(String url) {
        return exchange(HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).GET().build());
    }

    public JsonNode post(String url, Object body) {
        String json = mapper.writeValueAsString(body);
        return exchange(HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    HttpClient client() {
        return client;
    }

    private JsonNode exchange(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new WecomApiException(-1, "HTTP " + r.statusCode());
            }
            return mapper.readTree(r.body());
        } catch (IOException | JacksonException e) {
            throw new WecomApiException(-1, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WecomApiException(-1, "interrupted");
        }
    }
}
