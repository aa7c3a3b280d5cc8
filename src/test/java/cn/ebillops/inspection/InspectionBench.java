package cn.ebillops.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.ebill.check.EbillCheckFactory;
import cn.ebillops.inspection.checks.backend.BackendCheckFactory;
import cn.ebillops.inspection.checks.backup.BackupCheckFactory;
import cn.ebillops.inspection.checks.disk.DiskCheckFactory;
import cn.ebillops.inspection.checks.http.HttpPageCheckFactory;
import cn.ebillops.inspection.checks.log.LogScanCheckFactory;
import cn.ebillops.inspection.checks.tablespace.TablespaceCheckFactory;
import cn.ebillops.sandbox.DemoTargetsCopy;
import cn.ebillops.sandbox.ebill.EbillPlatformStandIn;
import cn.ebillops.sandbox.ebill.SandboxEbillConfig;
import cn.ebillops.sandbox.signing.SigningServerStandIn;
import cn.ebillops.signing.HttpJsonSigningClientProvider;
import cn.ebillops.signing.check.SigningCheckFactory;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * Wall time of a full inspection over every demo target (bot-config/targets.yaml and
 * bot-config/targets.d/*.yaml) against the project's own stand-ins: the e-bill platform stand-in
 * and the signing-server stand-in (cn.ebillops.sandbox) are started on free loopback ports and the
 * copied target files are pointed at them. Every check factory the application registers is
 * registered, so one round is every demo check. Then the same with one hung target added.
 * Run by scripts/bench-inspect.sh; prints "BENCH" lines.
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
        Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
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
        try (EbillPlatformStandIn ebill = new EbillPlatformStandIn(SandboxEbillConfig.DEMO_APPID,
                SandboxEbillConfig.DEMO_KEY, 0, clock);
             SigningServerStandIn signing = new SigningServerStandIn(0, clock)) {
            ebill.start();
            signing.start();
            System.out.println("BENCH stand-ins: e-bill platform " + ebill.baseUrl() + " (demo :" + DemoTargetsCopy.DEMO_EBILL_PORT
                    + "), signing server " + signing.baseUrl() + " (demo :" + DemoTargetsCopy.DEMO_SIGNING_PORT + ")");
            Path dir = Files.createTempDirectory("bench-config");
            Path data = Files.createDirectories(dir.resolve("data/logs"));
            Files.writeString(data.resolve("ebill-ops.log"), "INFO started\n");
            Files.writeString(dir.resolve("data/ebillops.mv.db"), "x".repeat(4096));
            DemoTargetsCopy.write(dir, ebill.port(), signing.port(), y -> y.replace("./data", data.getParent().toString()));
            String demo = Files.readString(dir.resolve("targets.yaml"), StandardCharsets.UTF_8);

            report("healthy", dir, clock, Duration.ofSeconds(5), 5);

            Files.writeString(dir.resolve("targets.yaml"), demo + """

                      - name: 卡住的电子票据服务器
                        kind: http-page
                        timeout: %ds
                        pages:
                          - {url: "http://127.0.0.1:%d/", maxTime: 1s}
                    """.formatted(HANG_TIMEOUT.toSeconds(), hung.getLocalPort()));
            report("one-hung(timeout=" + HANG_TIMEOUT.toSeconds() + "s)", dir, clock, HANG_TIMEOUT.plusSeconds(1), 3);
        } finally {
            hung.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /** The check factories the application registers (every {@code @Component} CheckFactory, collected by InspectionConfig). */
    static List<CheckFactory> applicationFactories(Clock clock) {
        CheckStateStore state = new CheckStateStore(InspectionTestDb.jdbc(), clock);
        PiiMasker masker = new PiiMasker();
        List<CheckFactory> factories = List.of(new DiskCheckFactory(), new BackupCheckFactory(clock),
                new LogScanCheckFactory(state, clock, masker, "ebill-ops-assistant"), new TablespaceCheckFactory(), new HttpPageCheckFactory(),
                new BackendCheckFactory(),
                new EbillCheckFactory(k -> null, masker, clock), // the demo target's literal key "sandbox"
                new SigningCheckFactory(List.of(new HttpJsonSigningClientProvider(k -> null)), clock));
        // a factory added to the application later must be added here too, or the bench is no longer "every check"
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(true);
        Set<String> registered = new TreeSet<>();
        for (var bd : scan.findCandidateComponents("cn.ebillops")) {
            try {
                Class<?> c = Class.forName(bd.getBeanClassName());
                if (CheckFactory.class.isAssignableFrom(c)) {
                    registered.add(c.getName());
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        Set<String> used = factories.stream().map(f -> f.getClass().getName()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(used).as("the bench registers the application's check factories").isEqualTo(registered);
        return factories;
    }

    private static void report(String label, Path dir, Clock clock, Duration target, int rounds) {
        List<CheckFactory> factories = applicationFactories(clock);
        CheckRegistry registry = CheckRegistry.load(new BotConfigFiles(dir), factories);
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
        Map<CheckStatus, Long> byStatus = new EnumMap<>(CheckStatus.class);
        last.forEach(r -> byStatus.merge(r.status(), 1L, Long::sum));
        Map<String, Long> byKind = new java.util.LinkedHashMap<>();
        factories.forEach(f -> byKind.put(f.kind(), 0L));
        for (CheckResult r : last) { // check ids are "<kind>:<target>" or "<kind>-<item>:<target>"
            String prefix = r.checkId().substring(0, Math.max(0, r.checkId().indexOf(':')));
            String kind = factories.stream().map(CheckFactory::kind)
                    .filter(k -> prefix.equals(k) || prefix.startsWith(k + "-")).findFirst().orElse(prefix);
            byKind.merge(kind, 1L, Long::sum);
        }
        System.out.printf("BENCH   total: %d checks (%s); by kind %s; sum of check times %d ms, last round wall %d ms%n",
                last.size(), byStatus.entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue())
                        .collect(Collectors.joining("，")), byKind,
                last.stream().mapToLong(r -> r.elapsed().toMillis()).sum(), times.get(times.size() - 1));
        assertThat(sorted.get(sorted.size() / 2)).isLessThan(target.toMillis());
    }
}
