package cn.ebillops.inspection.checks.backend;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.ConfigYaml;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackendCheckTest {

    HttpServer server;
    int port;
    final AtomicReference<String> health = new AtomicReference<>("{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\"}}}");

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", ex -> {
            byte[] b = health.get().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private CheckResult run(String body) throws Exception {
        return new BackendCheckFactory().create(ConfigYaml.target("targets: [{name: 后台, kind: backend, timeout: 5s, " + body + "}]"))
                .get(0).run();
    }

    @Test
    void healthyEndpointOpenPortAndRunningProcessAreOk() throws Exception {
        CheckResult r = run("""
                health: [{url: "http://127.0.0.1:%d/health", jsonField: components.db.status}],
                ports: [{host: 127.0.0.1, port: %d}], processes: [java]""".formatted(port, port));
        assertThat(r.status()).as(r.evidence()).isEqualTo(CheckStatus.OK);
        assertThat(r.evidence()).contains("components.db.status = UP").contains("可连接").contains("进程 java 运行中");
        assertThat(r.contractItems()).containsExactly(3);
    }

    @Test
    void downHealthClosedPortAndMissingProcessFail() throws Exception {
        health.set("{\"status\":\"DOWN\"}");
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CheckResult r = run("""
                health: [{url: "http://127.0.0.1:%d/health", jsonField: status}],
                ports: [{host: 127.0.0.1, port: %d}], processes: [no-such-ebill-server-xyz]""".formatted(port, closed));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.evidence()).contains("status = DOWN，期望 UP").contains("无法连接").contains("没有名为 no-such-ebill-server-xyz");
    }

    @Test
    void nonJsonHealthBodyFailsWhenAFieldIsExpected() throws Exception {
        health.set("OK");
        CheckResult r = run("health: [{url: \"http://127.0.0.1:%d/health\", jsonField: status}]".formatted(port));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.evidence()).contains("非 JSON");
    }
}
