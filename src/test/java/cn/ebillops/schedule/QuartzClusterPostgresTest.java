package cn.ebillops.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.duty.MutableClock;
import cn.ebillops.testsupport.PostgresTestSupport;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.spi.JobFactory;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/**
 * Two Quartz schedulers clustered on one PostgreSQL schema with the job-store settings of
 * application.yml: every fire of every calendar job runs on exactly one of them, and the
 * holiday notice due at that moment goes out once.
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
                    StaticListableBeanFactory beans = new StaticListableBeanFactory();
                    beans.addBean("scheduler", f.getScheduler());
                    new CalendarJobRegistrar(beans.getBeanProvider(Scheduler.class), "* * * * * ?")
                            .afterSingletonsInstantiated();
                }
                fa.start();
                fb.start();
                long deadline = System.nanoTime() + 40_000_000_000L;
                while (runsPerFire.size() < 4 * ScheduledJob.values().length && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
            } finally {
                fa.destroy();
                fb.destroy();
            }
            assertThat(runsPerFire).hasSizeGreaterThanOrEqualTo(4 * ScheduledJob.values().length);
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
