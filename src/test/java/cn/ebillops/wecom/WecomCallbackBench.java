package cn.ebillops.wecom;

import cn.ebillops.EbillOpsApplication;
import cn.ebillops.sandbox.wecom.WecomStandInDriver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (scripts/bench-wecom.sh): encrypted AI bot callbacks on loopback. Measures the time
 * until the callback is acknowledged (the work itself continues in the background, as in
 * production) at a fixed 200 callbacks/s, and the closed-loop maximum. Bounded, loopback only.
 */
public final class WecomCallbackBench {

    private WecomCallbackBench() {
    }

    record Prepared(String url, String body) {
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("bench.rate", 200);
        int seconds = Integer.getInteger("bench.seconds", 10);
        int maxRequests = Integer.getInteger("bench.max.requests", 3000);
        int concurrency = Integer.getInteger("bench.concurrency", 16);
        SpringApplication app = new SpringApplication(EbillOpsApplication.class);
        // command-line arguments: they outrank application.yml and config/wecom.yml
        String[] props = {
                "--ebillops.sandbox.enabled=true",
                "--server.port=0",
                // a throw-away database: the inbox rows a bench leaves must not reach a real run
                "--ebillops.data-dir=" + java.nio.file.Files.createTempDirectory("bench-wecom"),
                "--wecom.api-base-url=http://127.0.0.1:${local.server.port}/sandbox/wecom",
                "--wecom.aibot.bot-id=bench-bot",
                "--wecom.aibot.token=benchToken",
                "--wecom.aibot.encoding-aes-key=" + WecomStandInTestBase.AIBOT_KEY,
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"};
        try (ConfigurableApplicationContext ctx = app.run(props)) {
            WecomStandInDriver driver = ctx.getBean(WecomStandInDriver.class);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newFixedThreadPool(8)).build();
            System.out.println("WeCom 回调基准（环回，加密 JSON，智能机器人回调）");
            closedLoop(http, prepare(driver, 2000), concurrency, "预热（JIT）");
            settle();
            closedLoop(http, prepare(driver, maxRequests), concurrency, "最大吞吐");
            settle();
            fixedRate(http, prepare(driver, rate * seconds), rate);
            drained(ctx.getBean(WecomInbox.class));
        }
        System.exit(0);
    }

    /** How long the background answers take to catch up with the acknowledged callbacks. */
    private static void drained(WecomInbox inbox) throws InterruptedException {
        long t0 = System.nanoTime();
        long left = inbox.count();
        while (left > 0 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(120)) {
            Thread.sleep(200);
            left = inbox.count();
        }
        System.out.printf("收件箱清空（全部回答已发出）：再用 %.1f s，未回答 %d 条%n", (System.nanoTime() - t0) / 1e9, left);
    }

    /** Lets the background work of the previous phase (assistant, response_url) finish. */
    private static void settle() throws InterruptedException {
        Thread.sleep(5000);
    }

    private static List<Prepared> prepare(WecomStandInDriver driver, int n) {
        List<Prepared> out = new ArrayList<>(n);
        var crypto = driver.aibotCrypto();
        for (int i = 0; i < n; i++) {
            String json = driver.aibotText("wr_bench_" + (i % 10), "chenxia", "@助手 开票失败 " + i,
                    "bench-" + UUID.randomUUID());
            WecomStandInDriver.Signed s = driver.sign(crypto, json);
            out.add(new Prepared(driver.base() + "/wecom/aibot/callback?" + s.query(), driver.aibotEnvelope(s)));
        }
        return out;
    }

    private static HttpRequest request(Prepared p) {
        return HttpRequest.newBuilder(URI.create(p.url())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(p.body(), StandardCharsets.UTF_8)).build();
    }

    /** Open loop: one callback every 1/rate s regardless of answers (like WeCom), for the whole list. */
    private static void fixedRate(HttpClient http, List<Prepared> list, int rate) throws Exception {
        ConcurrentLinkedQueue<Long> lat = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < list.size(); i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long t0 = System.nanoTime();
            all.add(http.sendAsync(request(list.get(i)), HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                lat.add(System.nanoTime() - t0);
                if (e != null || r.statusCode() != 200) {
                    errors.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        double secs = (System.nanoTime() - start) / 1e9;
        print("固定速率 " + rate + "/s", list.size(), secs, lat, errors.get());
    }

    /** Closed loop: {@code concurrency} clients, each sends the next callback when the last is answered. */
    private static void closedLoop(HttpClient http, List<Prepared> list, int concurrency, String label)
            throws Exception {
        ConcurrentLinkedQueue<Long> lat = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < list.size(); i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request(list.get(i)), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    lat.add(System.nanoTime() - t0);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(120, TimeUnit.SECONDS);
        print(label + "（" + concurrency + " 并发）", list.size(), (System.nanoTime() - start) / 1e9, lat, errors.get());
    }

    private static void print(String label, int n, double secs, ConcurrentLinkedQueue<Long> lat, int errors) {
        long[] ms = lat.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%-22s 回调 %5d 个，用时 %6.2f s，%7.1f 个/秒，确认耗时 p50 %6.2f ms，p99 %6.2f ms，最大 %7.2f ms，错误 %d%n",
                label, n, secs, n / secs, pct(ms, 50), pct(ms, 99), ms.length == 0 ? 0 : ms[ms.length - 1] / 1e6, errors);
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(idx, sorted.length - 1))] / 1e6;
    }
}
