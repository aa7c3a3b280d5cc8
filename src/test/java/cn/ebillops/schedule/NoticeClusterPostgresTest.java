package cn.ebillops.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.testsupport.MutableClock;
import cn.ebillops.testsupport.PostgresTestSupport;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two assistant instances sharing the real local PostgreSQL evaluate the same instants at the same time. */
class NoticeClusterPostgresTest {

    @Test
    void twoInstancesEvaluatingTheSameInstantConcurrentlySendEachNoticeOnce() throws Exception {
        MutableClock clock = MutableClock.at("2026-09-27T00:00");
        try (ScheduleFixture a = new ScheduleFixture(clock, PostgresTestSupport.freshSchemaUrl(),
                PostgresTestSupport.USER, true); ScheduleFixture b = a.secondInstance()) {
            Duration step = Duration.ofMinutes(30);
            LocalDateTime end = LocalDateTime.parse("2026-09-30T18:00");
            int steps = (int) (Duration.between(clock.local(), end).toMinutes() / 30) + 1;
            CyclicBarrier start = new CyclicBarrier(2);
            CyclicBarrier done = new CyclicBarrier(2, () -> clock.advance(step));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (ScheduleFixture instance : List.of(a, b)) {
                    results.add(pool.submit(() -> {
                        int sent = 0;
                        for (int i = 0; i < steps; i++) {
                            start.await(30, TimeUnit.SECONDS);
                            sent += instance.notices.evaluate(EnumSet.allOf(NoticeKind.class)).sent();
                            done.await(30, TimeUnit.SECONDS);
                        }
                        return sent;
                    }));
                }
                int total = results.get(0).get(120, TimeUnit.SECONDS) + results.get(1).get(120, TimeUnit.SECONDS);
                // 国庆: notice, eve and pre-holiday routine fall in this span
                assertThat(total).isEqualTo(3);
            } finally {
                pool.shutdownNow();
            }
            List<OutboundMessage> all = new ArrayList<>(a.sent());
            all.addAll(b.sent());
            assertThat(all.stream().map(OutboundMessage::dedupKey).filter(Objects::nonNull).toList())
                    .doesNotHaveDuplicates()
                    .contains("notice/holiday-notice/2026-国庆/wr_cashier", "notice/holiday-notice/2026-国庆/wr_it",
                            "notice/holiday-eve/2026-国庆/wr_it", "notice/pre-holiday/2026-国庆/wr_it");
            assertThat(a.inspections.size() + b.inspections.size()).isEqualTo(1);
            NoticeLedger.Entry e = a.ledger.find(NoticeKind.HOLIDAY_NOTICE, "2026-国庆").orElseThrow();
            assertThat(LocalDateTime.ofInstant(e.sentAt(), clock.getZone())).isEqualTo("2026-09-28T09:30");
        }
    }

    @Test
    void manyConcurrentEvaluationsOfOneDueInstantClaimItOnce() throws Exception {
        MutableClock clock = MutableClock.at("2026-09-28T09:00");
        try (ScheduleFixture a = new ScheduleFixture(clock, PostgresTestSupport.freshSchemaUrl(),
                PostgresTestSupport.USER, true); ScheduleFixture b = a.secondInstance()) {
            a.notices.evaluate(ScheduledJob.HOLIDAY_NOTICE);
            clock.set("2026-09-28T09:31");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                CyclicBarrier start = new CyclicBarrier(8);
                List<Future<Integer>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    ScheduleFixture instance = i % 2 == 0 ? a : b;
                    results.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return instance.notices.evaluate(ScheduledJob.HOLIDAY_NOTICE).sent();
                    }));
                }
                int total = 0;
                for (Future<Integer> r : results) {
                    total += r.get(60, TimeUnit.SECONDS);
                }
                assertThat(total).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(a.sent().size() + b.sent().size()).isEqualTo(2);
        }
    }
}
