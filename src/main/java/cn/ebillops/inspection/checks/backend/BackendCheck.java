package cn.ebillops.inspection.checks.backend;

import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.ResultBuilder;
import cn.ebillops.inspection.SimpleCheck;
import cn.ebillops.inspection.TargetBasics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Item 3: the e-bill application servers' back end — health endpoints (status and a JSON field),
 * TCP ports, and processes running on this machine (by name in the command line).
 */
class BackendCheck extends SimpleCheck {

    public record Health(URI url, int expectStatus, String jsonField, String expectValue) {
    }

    public record Port(String host, int port) {
    }

    /**
     * A process of the e-bill application: {@code match} is a regular expression found in the command
     * line (e.g. {@code ebill-server\.jar}). A bare name in the configuration matches the executable's
     * file name exactly; matching "java" anywhere in a command line counted every Java program on the
     * server (this assistant included), not the e-bill application's.
     */
    public record ProcessRule(String name, java.util.regex.Pattern match) {

        static ProcessRule executable(String name) {
            return new ProcessRule(name, java.util.regex.Pattern.compile(
                    "^(?:\\S*/)?" + java.util.regex.Pattern.quote(name) + "(?:\\s|$)"));
        }

        boolean matches(String commandLine) {
            return match.matcher(commandLine).find();
        }
    }

    private final List<Health> health;
    private final List<Port> ports;
    private final List<ProcessRule> processes;
    private final Supplier<Stream<ProcessHandle>> processTable;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public BackendCheck(TargetBasics target, List<Health> health, List<Port> ports, List<ProcessRule> processes,
                        Supplier<Stream<ProcessHandle>> processTable) {
        super(target.id("backend"), "系统后台服务", List.of(3), target);
        this.health = List.copyOf(health);
        this.ports = List.copyOf(ports);
        this.processes = List.copyOf(processes);
        this.processTable = processTable;
        this.http = HttpClient.newBuilder().connectTimeout(target.timeout()).build();
    }

    List<ProcessRule> processRules() {
        return processes;
    }

    @Override
    public CheckResult run() throws InterruptedException {
        ResultBuilder r = result(CheckStatus.OK);
        for (Health h : health) {
            checkHealth(h, r);
        }
        for (Port p : ports) {
            long t0 = System.nanoTime();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(p.host(), p.port()), (int) timeout().toMillis());
                r.evidence("端口 %s:%d 可连接（%d ms）".formatted(p.host(), p.port(), (System.nanoTime() - t0) / 1_000_000));
            } catch (IOException e) {
                r.atLeast(CheckStatus.FAIL).evidence("端口 %s:%d 无法连接（%s）".formatted(p.host(), p.port(), e.getMessage()));
            }
        }
        for (ProcessRule rule : processes) {
            String name = rule.name();
            long n;
            try (Stream<ProcessHandle> all = processTable.get()) {
                n = all.filter(ph -> commandLine(ph).map(rule::matches).orElse(false)).count();
            }
            r.figure("进程 " + name + " 数量", n);
            if (n == 0) {
                r.atLeast(CheckStatus.FAIL).evidence("本机没有名为 " + name + " 的进程");
            } else {
                r.evidence("进程 %s 运行中（%d 个）".formatted(name, n));
            }
        }
        if (r.status() != CheckStatus.OK) {
            r.suggestion("后台服务异常：查看应用服务器日志，必要时重启服务，并确认数据库连接正常。");
        }
        return r.build();
    }

    private void checkHealth(Health h, ResultBuilder r) throws InterruptedException {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> resp = http.send(HttpRequest.newBuilder(h.url()).timeout(timeout()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            String line = "%s：HTTP %d，%d ms".formatted(h.url(), resp.statusCode(), ms);
            if (resp.statusCode() != h.expectStatus()) {
                r.atLeast(CheckStatus.FAIL).evidence(line + "，期望 " + h.expectStatus());
                return;
            }
            if (!h.jsonField().isEmpty()) {
                String actual = field(resp.body(), h.jsonField());
                if (!h.expectValue().equals(actual)) {
                    r.atLeast(CheckStatus.FAIL).evidence("%s，%s = %s，期望 %s".formatted(line, h.jsonField(), actual,
                            h.expectValue()));
                    return;
                }
                line += "，" + h.jsonField() + " = " + actual;
            }
            r.evidence(line);
        } catch (IOException e) {
            r.atLeast(CheckStatus.FAIL).evidence("%s：无法访问（%s）".formatted(h.url(), e.getClass().getSimpleName()));
        }
    }

    /** Dotted path into the JSON body ("status", "components.db.status"); "(非 JSON)" when unparsable. */
    private String field(String body, String path) {
        JsonNode n;
        try {
            n = json.readTree(body);
        } catch (RuntimeException e) {
            return "(非 JSON)";
        }
        for (String part : path.split("\\.")) {
            n = n == null ? null : n.get(part);
        }
        return n == null || n.isMissingNode() || n.isNull() ? "(缺失)" : n.asString();
    }

    private static Optional<String> commandLine(ProcessHandle ph) {
        ProcessHandle.Info info = ph.info();
        return info.commandLine().or(info::command);
    }
}
