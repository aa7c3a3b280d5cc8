package cn.ebillops.signing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A signing server behind an HTTP/JSON gateway: POST JSON to {@code signPath} / {@code certPath}
 * with the field names of {@link HttpJsonSigningApi}. Connect and request timeouts on every call.
 */
class HttpJsonSigningServerClient implements SigningServerClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI baseUrl;
    private final HttpJsonSigningApi api;
    private final String authToken;
    private final Duration timeout;
    private final HttpClient http;

    public HttpJsonSigningServerClient(URI baseUrl, HttpJsonSigningApi api, String authToken, Duration timeout) {
        this.baseUrl = baseUrl;
        this.api = api;
        this.authToken = authToken == null ? "" : authToken;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Duration reachable() throws SigningServerException {
        int port = baseUrl.getPort() > 0 ? baseUrl.getPort() : ("https".equalsIgnoreCase(baseUrl.getScheme()) ? 443 : 80);
        long t0 = System.nanoTime();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(baseUrl.getHost(), port), (int) timeout.toMillis());
            return Duration.ofNanos(System.nanoTime() - t0);
        } catch (SocketTimeoutException e) {
            throw new SigningServerException(SigningServerException.Kind.TIMEOUT,
                    "连接 %s:%d 超时（%d ms）".formatted(baseUrl.getHost(), port, timeout.toMillis()), e);
        } catch (IOException e) {
            throw new SigningServerException(SigningServerException.Kind.UNREACHABLE,
                    "无法连接 %s:%d：%s".formatted(baseUrl.getHost(), port, e.getMessage()), e);
        }
    }

    @Override
    public byte[] signData(SignatureAlgorithm algorithm, String keyIndex, byte[] data) throws SigningServerException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(api.algorithmField(), api.algorithmName(algorithm));
        body.put(api.keyIndexField(), keyIndex);
        body.put(api.dataField(), Base64.getEncoder().encodeToString(data));
        String sig = field(post(api.signPath(), body), api.signatureField());
        try {
            return Base64.getMimeDecoder().decode(sig);
        } catch (IllegalArgumentException e) {
            throw new SigningServerException(SigningServerException.Kind.MALFORMED, "签名服务器返回的签名值不是 Base64", e);
        }
    }

    @Override
    public X509Certificate exportCert(SignatureAlgorithm algorithm, String keyIndex) throws SigningServerException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(api.algorithmField(), api.algorithmName(algorithm));
        body.put(api.keyIndexField(), keyIndex);
        String cert = field(post(api.certPath(), body), api.certField());
        try {
            return Certificates.parseText(cert);
        } catch (GeneralSecurityException e) {
            throw new SigningServerException(SigningServerException.Kind.MALFORMED,
                    "签名服务器返回的证书无法解析：" + e.getMessage(), e);
        }
    }

    private JsonNode post(String path, Map<String, Object> body) throws SigningServerException {
        URI uri = baseUrl.resolve(path);
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (!api.authHeader().isBlank() && !authToken.isBlank()) {
            req.header(api.authHeader(), authToken);
        }
        HttpResponse<String> resp;
        try {
            resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new SigningServerException(SigningServerException.Kind.TIMEOUT, "连接签名服务器超时：" + uri, e);
        } catch (HttpTimeoutException e) {
            throw new SigningServerException(SigningServerException.Kind.TIMEOUT,
                    "签名服务器 %d ms 内未响应：%s".formatted(timeout.toMillis(), uri), e);
        } catch (ConnectException e) {
            throw new SigningServerException(SigningServerException.Kind.UNREACHABLE, "无法连接签名服务器：" + uri, e);
        } catch (IOException e) {
            throw new SigningServerException(SigningServerException.Kind.UNREACHABLE,
                    "签名服务器通信失败：%s（%s）".formatted(uri, e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningServerException(SigningServerException.Kind.TIMEOUT, "调用被中断：" + uri, e);
        }
        if (resp.statusCode() != 200) {
            throw new SigningServerException(SigningServerException.Kind.HTTP_STATUS,
                    "签名服务器返回 HTTP %d：%s".formatted(resp.statusCode(), uri));
        }
        JsonNode node;
        try {
            node = JSON.readTree(resp.body());
        } catch (JacksonException e) {
            throw new SigningServerException(SigningServerException.Kind.MALFORMED, "签名服务器返回的不是 JSON：" + uri, e);
        }
        String code = text(node, api.codeField());
        if (!api.successCode().equals(code)) {
            String msg = text(node, api.messageField());
            throw new SigningServerException(SigningServerException.Kind.SERVER_ERROR,
                    "签名服务器返回错误码 %s：%s".formatted(code == null ? "(无)" : code, msg == null ? "" : msg));
        }
        return node;
    }

    private String field(JsonNode node, String path) throws SigningServerException {
        String v = text(node, path);
        if (v == null || v.isBlank()) {
            throw new SigningServerException(SigningServerException.Kind.MALFORMED, "签名服务器响应缺少字段 " + path);
        }
        return v;
    }

    /** Dotted path lookup; numbers and strings both read as text. */
    static String text(JsonNode node, String dottedPath) {
        JsonNode n = node;
        for (String part : dottedPath.split("\\.")) {
            n = n == null ? null : n.get(part);
        }
        return n == null || n.isNull() || n.isContainer() ? null : n.asString();
    }
}
