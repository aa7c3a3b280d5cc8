package cn.ebillops.inspection.checks.http;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.ConfigYaml;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpPageCheckTest {

    HttpServer server;
    String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String text = switch (ex.getRequestURI().getPath()) {
                case "/" -> "<html><body><h1>医疗电子票据管理系统</h1><form><input name=user><button>登录</button></form></body></html>";
                case "/slow" -> {
                    // a page slower than the 100 ms the test allows: the sleep only makes it slow, nothing waits on it
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    yield "医疗电子票据管理系统";
                }
                default -> "not found";
            };
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html;charset=UTF-8");
            ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/missing") ? 404 : 200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private CheckResult run(String pages) throws Exception {
        return new HttpPageCheckFactory(Map.<String, String>of()::get).create(ConfigYaml.target(
                "targets: [{name: 页面, kind: http-page, timeout: 5s, pages: [" + pages + "]}]")).get(0).run();
    }

    @Test
    void pageWithExpectedStatusAndTextInTimeIsOk() throws Exception {
        // a generous limit: "in time" must not depend on how loaded the test machine is (the default is 3 s)
        CheckResult r = run("{url: \"%s/\", expectText: 医疗电子票据管理系统, maxTime: 60s}".formatted(base));
        assertThat(r.status()).as(r.evidence()).isEqualTo(CheckStatus.OK);
        assertThat(r.figures()).containsKey("页面1 耗时(ms)");
        assertThat(r.contractItems()).containsExactly(2);
    }

    @Test
    void wrongStatusOrMissingTextFails() throws Exception {
        assertThat(run("{url: \"%s/missing\"}".formatted(base)).status()).isEqualTo(CheckStatus.FAIL);
        CheckResult r = run("{url: \"%s/\", expectText: 综合报表}".formatted(base));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.evidence()).contains("没有“综合报表”");
    }

    @Test
    void slowPageWarns() throws Exception {
        CheckResult r = run("{url: \"%s/slow\", maxTime: 100ms}".formatted(base));
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.evidence()).contains("超过 100 ms");
    }

    @Test
    void pageThatDoesNotAnswerFails() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CheckResult r = run("{url: \"http://127.0.0.1:%d/\"}".formatted(port));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.evidence()).contains("无法访问");
    }

    @Test
    void scriptedJourneyInHeadlessChromiumTimesEachStep() throws Exception {
        CheckResult r = new HttpPageCheckFactory(Map.of("UI_USER", "demo")::get).create(ConfigYaml.target("""
                targets:
                  - name: 页面
                    kind: http-page
                    timeout: 60s
                    journey:
                      steps:
                        - {name: 打开登录页, open: "%s/"}
                        - {name: 输入用户名, type: "input[name=user]", textEnv: UI_USER}
                        - {name: 看到登录按钮, waitText: 登录}
                        - {name: 找不到的菜单, click: "#no-such-menu"}
                """.formatted(base))).get(0).run();
        assertThat(r.evidence()).contains("第 1 步“打开登录页”").contains("第 3 步“看到登录按钮”");
        assertThat(r.figures()).containsKey("步骤1 打开登录页(ms)");
        assertThat(r.status()).as(r.evidence()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.evidence()).contains("第 4 步“找不到的菜单”失败");
    }
}
