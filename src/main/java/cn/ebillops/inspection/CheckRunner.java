package cn.ebillops.inspection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs checks in parallel, each with its own timeout, all within an overall deadline. A check
 * that throws or does not finish in time becomes {@link CheckStatus#ERROR} (无法检查) with the
 * reason; it is interrupted and never delays the others. Results keep the checks' order.
 */
public class CheckRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CheckRunner.class);

    private final ExecutorService executor;
    private final Duration overallDeadline;

    public CheckRunner(Duration overallDeadline) {
        AtomicInteger n = new AtomicInteger();
        // Cached pool of daemon threads: a hung probe that ignores interrupts holds only its own thread.
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "inspection-check-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newCachedThreadPool(tf);
        this.overallDeadline = overallDeadline;
    }

    public Duration overallDeadline() {
        return overallDeadline;
    }

    public List<CheckResult> run(List<Check> checks) {
        long start = System.nanoTime();
        long overallEnd = start + overallDeadline.toNanos();
        List<Future<CheckResult>> futures = new ArrayList<>();
        for (Check c : checks) {
            futures.add(executor.submit(() -> timed(c)));
        }
        List<CheckResult> results = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            Future<CheckResult> f = futures.get(i);
            long ownEnd = start + c.timeout().toNanos();
            long end = Math.min(ownEnd, overallEnd);
            try {
                results.add(f.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                f.cancel(true);
                String reason = ownEnd <= overallEnd
                        ? "检查超时：%d 秒内未完成，已中止".formatted(c.timeout().toSeconds())
                        : "巡检总时限 %d 秒已到，此项未完成，已中止".formatted(overallDeadline.toSeconds());
                log.warn("check {} timed out", c.id());
                results.add(ResultBuilder.error(c, reason, Duration.ofNanos(System.nanoTime() - start)));
            } catch (ExecutionException e) {
                results.add(ResultBuilder.error(c, "检查出错：" + e.getCause(), Duration.ofNanos(System.nanoTime() - start)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                f.cancel(true);
                results.add(ResultBuilder.error(c, "巡检被中断", Duration.ofNanos(System.nanoTime() - start)));
            }
        }
        return results;
    }

    private static CheckResult timed(Check c) {
        long t0 = System.nanoTime();
        CheckResult r;
        try {
            r = c.run();
            if (r == null) {
                r = ResultBuilder.error(c, "检查没有返回结果", Duration.ZERO);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r = ResultBuilder.error(c, "检查被中止", Duration.ZERO);
        } catch (Exception | LinkageError e) {
            log.warn("check {} failed: {}", c.id(), e.toString());
            r = ResultBuilder.error(c, "检查出错：" + describe(e), Duration.ZERO);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        return new CheckResult(r.checkId(), r.name(), r.contractItems(), r.target(), r.status(), r.figures(),
                r.evidence(), r.suggestion(), elapsed);
    }

    static String describe(Throwable e) {
        String msg = e.getMessage();
        return e.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : "：" + msg);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
