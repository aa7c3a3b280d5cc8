package cn.ebillops.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.incident.IncidentService.ReportOutcome;
import cn.ebillops.incident.clock.SlaScheduler;
import cn.ebillops.infra.InMemoryKeyValueStore;
import cn.ebillops.infra.KeyValueStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Opening is atomic per area across instances, and a busy area is a clear refusal within the wait. */
class AreaLockTest {

    private final IncidentFixture f = new IncidentFixture();

    @Test
    void twoInstancesReportingTheSameFaultAtTheSameMomentGetOneIncident() throws Exception {
        KeyValueStore shared = new InMemoryKeyValueStore(f.clock); // stands for Redis or the database
        IncidentService first = instance(shared);
        IncidentService second = instance(shared);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ReportOutcome> a = pool.submit(() -> {
                together.await();
                return first.report(new FaultReport(f.person("chenxia"), "wr_cashier", "签名失败", Severity.II, Area.SIGNING));
            });
            Future<ReportOutcome> b = pool.submit(() -> {
                together.await();
                return second.report(new FaultReport(f.person("liufang"), "wr_it", "验签报错", Severity.II, Area.SIGNING));
            });
            List<ReportOutcome> outcomes = List.of(a.get(10, TimeUnit.SECONDS), b.get(10, TimeUnit.SECONDS));

            assertThat(outcomes).extracting(ReportOutcome::joined).containsExactlyInAnyOrder(true, false);
            assertThat(outcomes).extracting(o -> o.incident().number()).containsOnly(outcomes.get(0).incident().number());
            assertThat(f.repository.findOpen()).singleElement().extracting(Incident::area).isEqualTo(Area.SIGNING);
            assertThat(f.service.reporters(outcomes.get(0).incident().number())).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void workUnderTheLockOfOneAreaNeverOverlaps() throws Exception {
        AreaLock lock = new AreaLock(new InMemoryKeyValueStore(f.clock));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Runnable opening = () -> lock.run(Area.ISSUANCE, () -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            sleep(20);
            return inside.decrementAndGet();
        });
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CompletableFuture<?>[] all = new CompletableFuture<?>[6];
            for (int i = 0; i < all.length; i++) {
                all[i] = CompletableFuture.runAsync(opening, pool);
            }
            CompletableFuture.allOf(all).get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(most).hasValue(1);
    }

    @Test
    void aBusyAreaIsAClearRefusalWithinTheBoundedWait() {
        KeyValueStore store = new InMemoryKeyValueStore(f.clock);
        assertThat(store.tryLock("incident:open:SIGNING", "another instance", AreaLock.TTL)).isTrue();
        Duration wait = Duration.ofMillis(300);
        AreaLock lock = new AreaLock(store, wait);

        long started = System.nanoTime();
        assertThatThrownBy(() -> lock.run(Area.SIGNING, () -> "never"))
                .isInstanceOf(AreaLock.AreaBusy.class).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SIGNING").hasMessageContaining("300 ms");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).as("waited the bound, and not much longer").isBetween(wait, wait.plusMillis(500));

        assertThat(lock.run(Area.ISSUANCE, () -> "other areas are free")).isEqualTo("other areas are free");
        store.unlock("incident:open:SIGNING", "another instance");
        assertThat(lock.run(Area.SIGNING, () -> "free again")).isEqualTo("free again");
    }

    private IncidentService instance(KeyValueStore store) {
        SlaScheduler noQuartz = new SlaScheduler(IncidentFixture.idleQuartz(), f.settings, f.clock);
        return new IncidentService(f.repository, f.settings, noQuartz, store, f.events::add, f.texts, f.clock);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
