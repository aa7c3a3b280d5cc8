package cn.ebillops.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A browser-like client of the console over real HTTP: its own cookies (the session), the login
 * form with its CSRF token, and the CSRF header on every POST, as the page sends them. Every
 * person of the test fixture has the password {@link #PASSWORD} (src/test/bot-config/console-accounts.yaml).
 */
public final class ConsoleLogin {

    public static final String PASSWORD = "console-test-pass";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final ObjectMapper json = new ObjectMapper();
    private JsonNode session;

    public ConsoleLogin(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Logged in as {@code userId} with the fixture password, or an assertion error saying why not. */
    public static ConsoleLogin as(int port, String userId) {
        ConsoleLogin c = new ConsoleLogin(port);
        HttpResponse<String> res = c.login(userId, PASSWORD);
        String location = res.headers().firstValue("Location").orElse("");
        if (res.statusCode() != 302 || !location.endsWith("/console/")) {
            throw new AssertionError("login as " + userId + " failed: " + res.statusCode() + " → " + location);
        }
        c.session = c.json.readTree(c.get("/api/console/session").body());
        return c;
    }

    /** Submits the login form as a browser does (GET the page for its token, POST the form). */
    public HttpResponse<String> login(String userId, String password) {
        Matcher token = CSRF_FIELD.matcher(get("/login").body());
        if (!token.find()) {
            throw new AssertionError("login page without CSRF field");
        }
        String form = "username=" + enc(userId) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
        return send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public JsonNode session() {
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A JSON POST with the session's CSRF header, as the console page sends it. */
    public HttpResponse<String> postJson(String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (session != null && session.hasNonNull("csrfHeader")) {
            b.header(session.get("csrfHeader").asString(), session.get("csrfToken").asString());
        }
        return send(b);
    }

    /** An empty form POST (logout) with the session's CSRF header. */
    public HttpResponse<String> postForm(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody());
        if (session != null && session.hasNonNull("csrfHeader")) {
            b.header(session.get("csrfHeader").asString(), session.get("csrfToken").asString());
        }
        return send(b);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
