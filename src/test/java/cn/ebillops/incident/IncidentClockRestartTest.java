package cn.ebillops.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.ebillops.EbillOpsApplication;
import cn.ebillops.config.BotConfig;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.incident.clock.ClockStep;
import cn.ebillops.incident.clock.SlaClock;
import cn.ebillops.incident.clock.SlaClockService;
import cn.ebillops.testsupport.BackgroundWork;
import cn.ebillops.testsupport.PostgresTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A clock survives a restart: the application is stopped before a deadline's job fires, started
 * again over the same PostgreSQL database (Quartz JDBC job store), and the escalation is sent
 * exactly once; a third start neither repeats it nor loses the later steps.
 */
class IncidentClockRestartTest {

    @Test
    void escalationScheduledBeforeARestartIsSentOnceAfterIt() {
        String url = PostgresTestSupport.freshSchemaUrl();
        // the same scheduler name in all three runs (it keys the stored jobs), unique in this JVM
        String scheduler = "incident-restart-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        // Quartz fires by the wall clock: the app's clock starts at the real time so the passed steps
        // misfire (and run at once) and the later ones stay in the future. Nothing measures time with it.
        Instant realNow = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long number;
        Instant deadline;

        // run 1: the fault is reported 31 minutes "ago"; the app stops before Quartz runs anything
        try (ConfigurableApplicationContext ctx = start(url, scheduler, realNow.minus(Duration.ofMinutes(31)), false)) {
            IncidentService service = ctx.getBean(IncidentService.class);
            BotConfig config = ctx.getBean(BotConfig.class);
            Incident i = service.report(new FaultReport(config.person("chenxia"), "wr_cashier", "开票失败",
                    Severity.II, Area.ISSUANCE)).incident();
            number = i.number();
            deadline = i.responseDeadline();
            // let the background diagnosis finish before this instance stops, so it writes nothing into run 2
            BackgroundWork.drain(ctx.getBean("backgroundExecutor", ExecutorService.class));
            assertThat(ctx.getBean(RecordingChannel.class).sent()).anyMatch(m -> m.markdown().contains("自动诊断"));
            assertThat(jobs(ctx, number)).contains("RESPONSE-R", "RESPONSE-E0", "RESPONSE-E1", "RESPONSE-E2");
        }

        // run 2: Quartz starts, finds the passed deadline and escalates once
        try (ConfigurableApplicationContext ctx = start(url, scheduler, realNow, true)) {
            RecordingChannel channel = ctx.getBean(RecordingChannel.class);
            channel.await(m -> "zhanggong".equals(m.toUser()) && m.markdown().contains("升级（第 1 级）"),
                    Duration.ofSeconds(60));
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            String key = new ClockStep(number, SlaClock.RESPONSE, 0, deadline.toEpochMilli()).key();
            await("the escalation's notice marked sent").atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "select count(*) from incident_notice where notice_key = ? and sent_at is not null")
                    .param(key).query(Long.class).single() == 1);
            // both passed jobs (reminder and first escalation) have run: a known point to count at
            await("the passed steps' jobs run and removed").atMost(Duration.ofSeconds(30))
                    .until(() -> !jobs(ctx, number).contains("RESPONSE-E0") && !jobs(ctx, number).contains("RESPONSE-R"));
            assertThat(channel.directTo("zhanggong")).filteredOn(m -> m.markdown().contains("升级")).hasSize(1);
            assertThat(channel.sent()).as("the reminder is too late after the deadline")
                    .noneMatch(m -> m.markdown().contains("提醒"));
        }

        // run 3: nothing repeats, the later steps are still there
        try (ConfigurableApplicationContext ctx = start(url, scheduler, realNow, false)) {
            SlaClockService clocks = ctx.getBean(SlaClockService.class);
            assertThat(clocks.fire(new ClockStep(number, SlaClock.RESPONSE, 0, deadline.toEpochMilli()))).isFalse();
            assertThat(jobs(ctx, number)).contains("RESPONSE-E1", "RESPONSE-E2").doesNotContain("RESPONSE-E0");
            assertThat(ctx.getBean(IncidentService.class).timeline(number))
                    .filteredOn(e -> e.kind().equals("ESCALATED")).hasSize(1);
        }
    }

    private static ConfigurableApplicationContext start(String url, String scheduler, Instant clockStart,
                                                        boolean quartz) {
        return new SpringApplicationBuilder(EbillOpsApplication.class, IncidentTestBeans.class)
                .run("--ebillops.test.database=given", "--spring.datasource.url=" + url, "--spring.datasource.username=" + PostgresTestSupport.USER,
                        "--spring.datasource.password=", "--spring.quartz.auto-startup=" + quartz,
                        "--test.clock.start=" + clockStart, "--server.port=0",
                        "--spring.quartz.scheduler-name=" + scheduler,
                        "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000");
    }

    private static List<String> jobs(ConfigurableApplicationContext ctx, long number) {
        return ctx.getBean(JdbcClient.class)
                .sql("select job_name from qrtz_job_details where job_group = ? order by job_name")
                .param("incident-" + number).query(String.class).list();
    }
}
