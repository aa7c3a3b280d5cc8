package cn.ebillops.incident;

import cn.ebillops.EbillOpsApplication;
import cn.ebillops.assistant.Turn;
import cn.ebillops.assistant.nlu.Classification;
import cn.ebillops.assistant.nlu.Entities;
import cn.ebillops.assistant.nlu.Intent;
import cn.ebillops.channel.InboundMessage;
import cn.ebillops.config.BotConfig;
import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.incident.chat.FaultReportHandler;
import cn.ebillops.inspection.CheckFactory;
import cn.ebillops.inspection.CheckRegistry;
import cn.ebillops.inspection.CheckRunner;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionService;
import cn.ebillops.inspection.InspectionStore;
import cn.ebillops.sandbox.DemoTargetsCopy;
import cn.ebillops.sandbox.ebill.EbillPlatformStandIn;
import cn.ebillops.sandbox.ebill.SandboxEbillConfig;
import cn.ebillops.sandbox.signing.SigningServerStandIn;
import cn.ebillops.testsupport.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The incident pipeline's figures (scripts/bench-incident.sh): fault report → first answer,
 * → diagnosis posted in the group (fake inspector with a delay standing in for real checks),
 * reports per second absorbed with no duplicate incidents, and report → diagnosis posted with the
 * real inspection service: an {@link InspectionService} over the application's check factories
 * and the demo targets (bot-config/targets.yaml + targets.d/*.yaml), pointed at the project's
 * e-bill platform and signing-server stand-ins on free loopback ports; a 开票失败 (ISSUANCE)
 * report runs the e-bill interface/issuance and signing checks. Runs in a full application
 * context (in-memory H2) with the incident test doubles.
 */
public final class IncidentBench {

    private final ApplicationContext ctx;
    private final List<String> lines = new ArrayList<>();

    public IncidentBench(ApplicationContext ctx) {
        this.ctx = ctx;
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(EbillOpsApplication.class,
                IncidentTestBeans.class).run("--server.port=0", "--spring.quartz.auto-startup=false",
                "--spring.quartz.scheduler-name=incident-bench",
                "--logging.level.root=WARN")) {
            List<String> out = new IncidentBench(ctx).run();
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "bench-incident.txt"), out);
        }
    }

    public List<String> run() throws Exception {
        long delayMs = Long.getLong("bench.inspectorDelayMs", 300);
        int rounds = Integer.getInteger("bench.rounds", 30);
        int reports = Integer.getInteger("bench.reports", 2000);
        int threads = Integer.getInteger("bench.threads", 8);
        MutableClock clock = ctx.getBean(MutableClock.class);
        FakeInspector inspector = ctx.getBean(FakeInspector.class);
        RecordingChannel channel = ctx.getBean(RecordingChannel.class);
        FaultReportHandler handler = ctx.getBean(FaultReportHandler.class);
        IncidentService service = ctx.getBean(IncidentService.class);
        BotConfig config = ctx.getBean(BotConfig.class);
        inspector.delay(Duration.ofMillis(delayMs));
        Area[] areas = Area.values();

        List<Long> firstAnswer = new ArrayList<>();
        List<Long> diagnosis = new ArrayList<>();
        for (int r = 0; r < rounds + 5; r++) {
            clock.advance(Duration.ofMinutes(20)); // outside the merge window: every report opens an incident
            Area area = areas[r % areas.length];
            Turn turn = new Turn(new InboundMessage("console", "wr_cashier", "chenxia", "开票失败", "b-" + r,
                    clock.instant()), config.person("chenxia"), config.group("wr_cashier"), "开票失败",
                    Entities.NONE);
            long t0 = System.nanoTime();
            var reply = handler.handle(turn, new Classification(Intent.FAULT_REPORT, Severity.II, area, 0.9));
            long t1 = System.nanoTime();
            String ref = reply.markdown().replaceAll("(?s).*故障单 (#\\d+).*", "$1");
            channel.await(m -> m.markdown().contains("故障单 " + ref + " 自动诊断"), Duration.ofSeconds(60));
            long t2 = System.nanoTime();
            if (r >= 5) { // warm-up rounds are not counted
                firstAnswer.add(t1 - t0);
                diagnosis.add(t2 - t0);
            }
        }
        figures("first answer (report → reply)", firstAnswer);
        figures("diagnosis posted (report → group message; inspector takes %d ms)".formatted(delayMs), diagnosis);

        // throughput: many simultaneous reports of 3 faults from two chats
        inspector.delay(Duration.ZERO);
        clock.advance(Duration.ofHours(1));
        Area[] hot = {Area.ISSUANCE, Area.SIGNING, Area.SYSTEM};
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        Set<Long> numbers = ConcurrentHashMap.newKeySet();
        for (int n = 0; n < reports; n++) {
            int k = n;
            futures.add(pool.submit(() -> {
                start.await();
                String user = k % 2 == 0 ? "chenxia" : "liufang";
                var outcome = service.report(new FaultReport(config.person(user), k % 2 == 0 ? "wr_cashier" : "wr_it",
                        "开票失败", Severity.II, hot[k % hot.length]));
                numbers.add(outcome.incident().number());
                return null;
            }));
        }
        long s0 = System.nanoTime();
        start.countDown();
        for (var f : futures) {
            f.get();
        }
        long elapsed = System.nanoTime() - s0;
        pool.shutdown();
        line("throughput: %d simultaneous reports of 3 faults from 2 chats on %d threads: %.0f reports/s; incidents opened %d (expected 3), duplicates %d"
                .formatted(reports, threads, reports / (elapsed / 1e9), numbers.size(), numbers.size() - 3));
        if (numbers.size() != 3) {
            throw new IllegalStateException("duplicate incidents: " + numbers);
        }

        realDiagnosis(Integer.getInteger("bench.realRounds", 20));
        return List.copyOf(lines);
    }

    /**
     * Report (开票失败, ISSUANCE) → diagnosis message in the group, with the real inspection service
     * against the e-bill platform and signing-server stand-ins instead of the fake inspector.
     */
    private void realDiagnosis(int rounds) throws Exception {
        MutableClock clock = ctx.getBean(MutableClock.class);
        FakeInspector inspector = ctx.getBean(FakeInspector.class);
        RecordingChannel channel = ctx.getBean(RecordingChannel.class);
        FaultReportHandler handler = ctx.getBean(FaultReportHandler.class);
        BotConfig config = ctx.getBean(BotConfig.class);
        inspector.reset();
        // the stand-ins share the application's clock, as in the demo (SandboxEbillConfig, SandboxSigningConfig)
        try (EbillPlatformStandIn ebill = new EbillPlatformStandIn(SandboxEbillConfig.DEMO_APPID,
                SandboxEbillConfig.DEMO_KEY, 0, clock);
             SigningServerStandIn signing = new SigningServerStandIn(0, clock)) {
            ebill.start();
            signing.start();
            Path dir = DemoTargetsCopy.write(Files.createTempDirectory("bench-incident-config"), ebill.port(),
                    signing.port(), UnaryOperator.identity());
            // what InspectionConfig builds, on the copied targets: every CheckFactory bean of the application
            CheckRegistry registry = CheckRegistry.load(new BotConfigFiles(dir),
                    ctx.getBeansOfType(CheckFactory.class).values());
            InspectionService real = new InspectionService(registry, ctx.getBean(CheckRunner.class),
                    ctx.getBean(InspectionStore.class), ctx, clock);
            List<Long> inspection = Collections.synchronizedList(new ArrayList<>());
            inspector.delegate((scopes, trigger) -> {
                long t0 = System.nanoTime();
                InspectionRun run = real.run(scopes, trigger);
                inspection.add(System.nanoTime() - t0);
                return run;
            });
            int checks = registry.forScopes(DiagnosisScopes.forArea(Area.ISSUANCE)).size();
            List<Long> diagnosis = new ArrayList<>();
            String findings = "";
            int warmUp = 3;
            try {
                for (int r = 0; r < rounds + warmUp; r++) {
                    clock.advance(Duration.ofMinutes(20)); // outside the merge window: every report opens an incident
                    Turn turn = new Turn(new InboundMessage("console", "wr_cashier", "chenxia", "开票失败", "real-" + r,
                            clock.instant()), config.person("chenxia"), config.group("wr_cashier"), "开票失败",
                    Entities.NONE);
                    long t0 = System.nanoTime();
                    var reply = handler.handle(turn, new Classification(Intent.FAULT_REPORT, Severity.II, Area.ISSUANCE, 0.9));
                    String ref = reply.markdown().replaceAll("(?s).*故障单 (#\\d+).*", "$1");
                    var posted = channel.await(m -> m.markdown().contains("故障单 " + ref + " 自动诊断"), Duration.ofSeconds(60));
                    long t1 = System.nanoTime();
                    if (r >= warmUp) {
                        diagnosis.add(t1 - t0);
                    }
                    findings = posted.markdown().lines().skip(1).findFirst().orElse("");
                }
            } finally {
                inspector.reset();
            }
            List<Long> checksOnly = new ArrayList<>(inspection.subList(warmUp, inspection.size()));
            figures("diagnosis posted with the real inspection service (开票失败/ISSUANCE: %d e-bill and signing checks against the stand-ins; last: %s)"
                    .formatted(checks, findings), diagnosis);
            figures("  of which the inspection itself (InspectionService.run, stored)", checksOnly);
        }
    }

    private void figures(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        line("%s: n=%d median %.1f ms, p95 %.1f ms, max %.1f ms".formatted(what, sorted.size(),
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6));
    }

    private void line(String s) {
        System.out.println("BENCH " + s);
        lines.add(s);
    }
}
