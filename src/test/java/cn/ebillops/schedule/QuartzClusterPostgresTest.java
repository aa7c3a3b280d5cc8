package cn.ebillops.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.ebillops.testsupport.MutableClock;
import cn.ebillops.testsupport.PostgresTestSupport;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.Trigger;
import org.quartz.TriggerUtils;
import org.quartz.spi.JobFactory;
import org.quartz.spi.OperableTrigger;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/**
 * Two Quartz schedulers clustered on one PostgreSQL schema with the job-store settings of
 * application.yml: one trigger per calendar job in the shared store, every fire of every job runs
 * on exactly one of them, and the holiday notice due at that moment goes out once.
 */
class QuartzClusterPostgresTest {

    @Test
    void twoClusteredSchedulersRunEachFireOfEachJobOnce() throws Exception {
        MutableClock clock = MutableClock.at("2026-09-28T09:00");
        Map<String, AtomicInteger> runsPerFire = new ConcurrentHashMap<>();
        try (ScheduleFixture a = new ScheduleFixture(clock, PostgresTestSupport.freshSchemaUrl(),
                PostgresTestSupport.USER, true); ScheduleFixture b = a.secondInstance()) {
            a.notices.evaluate(ScheduledJob.HOLIDAY_NOTICE);
            clock.set("2026-09-28T09:31");
            String name = "calendar-cluster-test";
            SchedulerFactoryBean fa = factory(name, "node-a", a, runsPerFire);
            SchedulerFactoryBean fb = factory(name, "node-b", b, runsPerFire);
            try {
                for (SchedulerFactoryBean f : List.of(fa, fb)) {
                    new CalendarJobRegistrar(f.getScheduler(), "* * * * * ?").afterSingletonsInstantiated();
                }
                // the shared store holds one every-second trigger per job, whichever node registered it
                for (ScheduledJob job : ScheduledJob.values()) {
                    Trigger t = fa.getScheduler().getTrigger(CalendarJobRegistrar.triggerKey(job));
                    assertThat(t).isInstanceOf(CronTrigger.class);
                    assertThat(((CronTrigger) t).getCronExpression()).isEqualTo("* * * * * ?");
                    assertThat(fb.getScheduler().getTrigger(CalendarJobRegistrar.triggerKey(job)))
                            .as("node b sees the same trigger").isEqualTo(t);
                    List<Date> next = TriggerUtils.computeFireTimes((OperableTrigger) t, null, 4);
                    for (int i = 1; i < next.size(); i++) {
                        assertThat(next.get(i).getTime() - next.get(i - 1).getTime()).isEqualTo(1000L);
                    }
                }
                fa.start();
                fb.start();
                // Real fires, awaited by condition rather than counted in a time window: every job
                // fires at least once; every fire recorded until both stop is checked below.
                await("every calendar job fired on one of the nodes").atMost(Duration.ofSeconds(60))
                        .until(() -> Arrays.stream(ScheduledJob.values()).allMatch(job -> runsPerFire.keySet()
                                .stream().anyMatch(fire -> fire.startsWith(job.id() + "@"))));
            } finally {
                fa.destroy(); // waits for running jobs to finish
                fb.destroy();
            }
            assertThat(runsPerFire.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
            assertThat(a.sentFor(NoticeKind.HOLIDAY_NOTICE, "2026-国庆").size()
                    + b.sentFor(NoticeKind.HOLIDAY_NOTICE, "2026-国庆").size()).isEqualTo(2);
        }
    }

    private static SchedulerFactoryBean factory(String name, String instanceId, ScheduleFixture instance,
                                                Map<String, AtomicInteger> runsPerFire) throws Exception {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "1000");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        SchedulerFactoryBean f = new SchedulerFactoryBean();
        f.setSchedulerName(name);
        f.setDataSource(instance.dataSource);
        f.setQuartzProperties(p);
        f.setAutoStartup(false);
        f.setWaitForJobsToCompleteOnShutdown(true);
        JobFactory jobs = (bundle, scheduler) -> {
            try {
                Job real = bundle.getJobDetail().getJobClass().getConstructor(NoticeService.class)
                        .newInstance(instance.notices);
                return ctx -> {
                    runsPerFire.computeIfAbsent(ctx.getJobDetail().getKey().getName() + "@"
                            + ctx.getScheduledFireTime().getTime(), k -> new AtomicInteger()).incrementAndGet();
                    real.execute(ctx);
                };
            } catch (ReflectiveOperationException e) {
                throw new org.quartz.SchedulerException(e);
            }
        };
        f.setJobFactory(jobs);
        f.afterPropertiesSet();
        return f;
    }
}
