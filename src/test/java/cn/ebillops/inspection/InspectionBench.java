package cn.ebillops.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.inspection.checks.backend.BackendCheckFactory;
import cn.ebillops.inspection.checks.backup.BackupCheckFactory;
import cn.ebillops.inspection.checks.disk.DiskCheckFactory;
import cn.ebillops.inspection.checks.http.HttpPageCheckFactory;
import cn.ebillops.inspection.checks.log.LogScanCheckFactory;
import cn.ebillops.inspection.checks.tablespace.TablespaceCheckFactory;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Wall time of a full inspection over the demo targets (bot-config/targets.yaml with the page
 * pointed at a loopback stand-in page), healthy and with one target hung. Run by
 * scripts/bench-inspect.sh; prints "BENCH" lines.
 */
@Tag("bench")
class InspectionBench {

    static final Duration HANG_TIMEOUT = Duration.ofSeconds(2);

    /** Entry for scripts/bench-inspect.sh (surefire's pom configuration always excludes the bench tag). */
    public static void main(String[] args) throws Exception {
        new InspectionBench().fullInspectionWallTime();
        System.exit(0);
    }

    @Test
    void fullInspectionWallTime() throws Exception {
        HttpServer page = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        page.createContext("/", ex -> {
            byte[] b = "<h1>医疗电子票据管理系统</h1>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        page.start();
        // accepts connections and never answers: a hung e-bill server
        ServerSocket hung = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        List<Socket> held = Collections.synchronizedList(new ArrayList<>());
        Thread acceptor = new Thread(() -> {
            while (!hung.isClosed()) {
                try {
                    held.add(hung.accept());
                } catch (Exception e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        try {
            Path dir = Files.createTempDirectory("bench-config");
            Path data = Files.createDirectories(dir.resolve("data/logs"));
            Files.writeString(data.resolve("ebill-ops.log"), "INFO started\n");
            Files.writeString(dir.resolve("data/ebillops.mv.db"), "x".repeat(4096));
            // the e-bill stand-in of the demo (scripts/run.sh) when it is running, else a loopback page
            boolean standIn = reachable(18081);
            System.out.println("BENCH page target: " + (standIn ? "e-bill stand-in http://127.0.0.1:18081/"
                    : "loopback page (e-bill stand-in on :18081 not running)"));
            String demo = Files.readString(Path.of("bot-config/targets.yaml"), StandardCharsets.UTF_8)
                    .replace("http://127.0.0.1:18081/", standIn ? "http://127.0.0.1:18081/"
                            : "http://127.0.0.1:" + page.getAddress().getPort() + "/")
                    .replace("./data", dir.resolve("data").toString())
                    .replace("port: 8080", "port: " + page.getAddress().getPort());
            Files.writeString(dir.resolve("targets.yaml"), demo);

            report("healthy", dir, Duration.ofSeconds(5), 5);

            Files.writeString(dir.resolve("targets.yaml"), demo + """

                      - name: 卡住的电子票据服务器
                        kind: http-page
                        timeout: %ds
                        pages:
                          - {url: "http://127.0.0.1:%d/", maxTime: 1s}
                    """.formatted(HANG_TIMEOUT.toSeconds(), hung.getLocalPort()));
            report("one-hung(timeout=" + HANG_TIMEOUT.toSeconds() + "s)", dir, HANG_TIMEOUT.plusSeconds(1), 3);
        } finally {
            page.stop(0);
            hung.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private static boolean reachable(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void report(String label, Path dir, Duration target, int rounds) {
        Clock clock = Clock.systemDefaultZone();
        CheckStateStore state = new CheckStateStore(InspectionTestDb.jdbc(), clock);
        CheckRegistry registry = CheckRegistry.load(new BotConfigFiles(dir), List.of(new DiskCheckFactory(),
                new BackupCheckFactory(clock), new LogScanCheckFactory(state, clock, new PiiMasker()),
                new TablespaceCheckFactory(), new HttpPageCheckFactory(), new BackendCheckFactory()));
        List<Long> times = new ArrayList<>();
        List<CheckResult> last = List.of();
        try (CheckRunner runner = new CheckRunner(Duration.ofSeconds(60))) {
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                last = runner.run(registry.forScopes(Set.of(InspectionScope.ALL)));
                times.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        List<Long> sorted = times.stream().sorted().toList();
        System.out.printf("BENCH %-22s checks=%d rounds=%d first=%d ms median=%d ms max=%d ms target<%d ms%n", label,
                last.size(), rounds, times.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1),
                target.toMillis());
        for (CheckResult r : last) {
            System.out.printf("BENCH   %-4s %5d ms  %s（%s）%n", r.status().label(), r.elapsed().toMillis(), r.name(), r.target());
        }
        assertThat(sorted.get(sorted.size() / 2)).isLessThan(target.toMillis());
    }
}
