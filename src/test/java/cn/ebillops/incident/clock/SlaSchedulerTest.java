package cn.ebillops.incident.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentSettings;
import cn.ebillops.incident.IncidentStatus;
import cn.ebillops.testsupport.MutableClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;

/** Each running clock's steps as Quartz jobs (an in-memory Quartz, never started). */
class SlaSchedulerTest {

    private static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");

    private final MutableClock clock = new MutableClock(T0, java.time.ZoneId.of("Asia/Shanghai"));
    private final IncidentSettings settings = IncidentSettings.defaults();
    private Scheduler quartz;

    @AfterEach
    void shutDown() throws SchedulerException {
        if (quartz != null) {
            quartz.shutdown();
        }
    }

    private SlaScheduler withQuartz() throws SchedulerException {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "sla-scheduler-test-" + System.nanoTime());
        p.setProperty("org.quartz.threadPool.threadCount", "1");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        quartz = new StdSchedulerFactory(p).getScheduler();
        return with(quartz, settings);
    }

    private SlaScheduler with(Scheduler s, IncidentSettings settings) {
        return new SlaScheduler(s, settings, clock);
    }

    private static Incident incident(long number, Instant acknowledgedAt, IncidentStatus status) {
        return new Incident(number, Severity.II, Area.ISSUANCE, status, Incident.Source.CHAT, "x", "c", "u", T0, false,
                null, acknowledgedAt, null, null, null, null, null, null, null, null, T0.plus(Duration.ofMinutes(30)),
                T0.plus(Duration.ofHours(8)), null, null);
    }

    @Test
    void plansTheReminderTenMinutesBeforeAndTheStepsAfterTheDeadline() {
        Instant deadline = T0.plus(Duration.ofMinutes(30));
        List<SlaTimetable.Planned> plan = with(mock(Scheduler.class), settings).plan(3, SlaClock.RESPONSE, deadline);
        assertThat(plan).extracting(p -> p.step().name()).containsExactly("RESPONSE-R", "RESPONSE-E0", "RESPONSE-E1",
                "RESPONSE-E2");
        assertThat(plan).extracting(SlaTimetable.Planned::at).containsExactly(T0.plus(Duration.ofMinutes(20)), deadline,
                deadline.plus(Duration.ofMinutes(15)), deadline.plus(Duration.ofMinutes(30)));
        assertThat(plan).allSatisfy(p -> assertThat(p.step().deadlineMillis()).isEqualTo(deadline.toEpochMilli()));
        assertThat(plan.get(0).step().key()).isEqualTo("3:RESPONSE-R:" + deadline.toEpochMilli());
        assertThat(plan.get(0).step().isReminder()).isTrue();
        assertThat(plan.get(1).step().isReminder()).isFalse();
    }

    @Test
    void aReminderWhoseMomentHasComeIsNotPlanned() {
        Instant deadline = T0.plus(Duration.ofMinutes(10)); // the reminder would be now
        assertThat(with(mock(Scheduler.class), settings).plan(3, SlaClock.RESPONSE, deadline))
                .extracting(p -> p.step().name()).containsExactly("RESPONSE-E0", "RESPONSE-E1", "RESPONSE-E2");
        assertThat(with(mock(Scheduler.class), settings).plan(3, SlaClock.RESPONSE, deadline.plusMillis(1)))
                .extracting(p -> p.step().name()).startsWith("RESPONSE-R");
    }

    @Test
    void noReminderIsPlannedWhenRemindersAreOff() {
        IncidentSettings noReminder = IncidentSettings.from(BotConfigFiles.parse(IncidentSettings.FILE,
                new ByteArrayInputStream("clocks:\n  reminderBefore: 0m\n".getBytes(StandardCharsets.UTF_8))));
        assertThat(with(mock(Scheduler.class), noReminder).plan(3, SlaClock.RESPONSE, T0.plus(Duration.ofHours(1))))
                .extracting(p -> p.step().name()).doesNotContain("RESPONSE-R");
    }

    @Test
    void syncSchedulesEveryRunningClockAndDropsTheStoppedOnes() throws Exception {
        SlaScheduler s = withQuartz();
        s.sync(incident(5, null, IncidentStatus.OPEN));
        assertThat(s.scheduled(5)).containsExactly("RESOLUTION-E0", "RESOLUTION-E1", "RESOLUTION-E2", "RESOLUTION-R",
                "RESPONSE-E0", "RESPONSE-E1", "RESPONSE-E2", "RESPONSE-R");

        s.sync(incident(5, T0.plusSeconds(60), IncidentStatus.ACKNOWLEDGED));
        assertThat(s.scheduled(5)).containsExactly("RESOLUTION-E0", "RESOLUTION-E1", "RESOLUTION-E2", "RESOLUTION-R");

        s.sync(incident(5, T0.plusSeconds(60), IncidentStatus.RESOLVED));
        assertThat(s.scheduled(5)).isEmpty();
        assertThat(s.scheduled(6)).isEmpty();
    }

    @Test
    void eachJobCarriesItsStepAndFiresAtItsMoment() throws Exception {
        SlaScheduler s = withQuartz();
        Instant deadline = T0.plus(Duration.ofMinutes(30));
        s.schedule(9, SlaClock.RESPONSE, deadline);

        JobDetail job = quartz.getJobDetail(new JobKey("RESPONSE-E1", "incident-9"));
        JobDataMap data = job.getJobDataMap();
        assertThat(data.getLong(SlaClockJob.NUMBER)).isEqualTo(9);
        assertThat(data.getString(SlaClockJob.CLOCK)).isEqualTo("RESPONSE");
        assertThat(data.getInt(SlaClockJob.INDEX)).isEqualTo(1);
        assertThat(data.getLong(SlaClockJob.DEADLINE)).isEqualTo(deadline.toEpochMilli());
        assertThat(job.requestsRecovery()).isTrue();
        Trigger trigger = quartz.getTrigger(new TriggerKey("RESPONSE-E1", "incident-9"));
        assertThat(trigger.getStartTime()).isEqualTo(Date.from(deadline.plus(Duration.ofMinutes(15))));
        assertThat(trigger.getMisfireInstruction()).isEqualTo(
                org.quartz.SimpleTrigger.MISFIRE_INSTRUCTION_FIRE_NOW);
    }

    @Test
    void reschedulingReplacesTheOldStepsAndCancellingOneClockLeavesTheOthers() throws Exception {
        SlaScheduler s = withQuartz();
        s.schedule(4, SlaClock.ONSITE, T0.plus(Duration.ofHours(4)));
        s.schedule(4, SlaClock.RESPONSE, T0.plus(Duration.ofMinutes(30)));
        s.schedule(4, SlaClock.RESPONSE, T0.plus(Duration.ofMinutes(5))); // reminder already past now
        assertThat(s.scheduled(4)).filteredOn(n -> n.startsWith("RESPONSE"))
                .containsExactly("RESPONSE-E0", "RESPONSE-E1", "RESPONSE-E2");

        s.cancel(4, SlaClock.RESPONSE);
        assertThat(s.scheduled(4)).containsExactly("ONSITE-E0", "ONSITE-E1", "ONSITE-E2", "ONSITE-R");
        s.cancel(4, SlaClock.RESPONSE); // nothing left to cancel
        assertThat(s.scheduled(4)).hasSize(4);
    }

    @Test
    void aCollidingTriggerIsScheduledAgainOnce() throws Exception {
        Scheduler failingOnce = mock(Scheduler.class);
        when(failingOnce.getJobKeys(any())).thenReturn(java.util.Set.of());
        doThrow(new SchedulerException("trigger exists")).doNothing()
                .when(failingOnce).scheduleJob(any(JobDetail.class), anySet(), anyBoolean());
        with(failingOnce, settings).sync(incident(5, T0, IncidentStatus.ACKNOWLEDGED));
        // 4 steps of RESOLUTION: the first attempt failed on its first step, the retry sent all four
        verify(failingOnce, times(5)).scheduleJob(any(JobDetail.class), anySet(), anyBoolean());
    }

    @Test
    void aClockThatCannotBeScheduledTwiceIsLeftToTheSweep() throws Exception {
        Scheduler failing = mock(Scheduler.class);
        when(failing.getJobKeys(any())).thenReturn(java.util.Set.of());
        doThrow(new SchedulerException("down")).when(failing).scheduleJob(any(JobDetail.class), anySet(), anyBoolean());
        with(failing, settings).sync(incident(5, T0, IncidentStatus.ACKNOWLEDGED));
        verify(failing, times(2)).scheduleJob(any(JobDetail.class), anySet(), anyBoolean());
        assertThatThrownBy(() -> with(failing, settings).schedule(5, SlaClock.RESPONSE, T0.plusSeconds(1800)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("5:RESPONSE-");
    }

    @Test
    void aFailingCancelIsHarmlessButAFailingListingIsReported() throws Exception {
        Scheduler failing = mock(Scheduler.class);
        when(failing.getJobKeys(any())).thenThrow(new SchedulerException("down"));
        SlaScheduler s = with(failing, settings);
        s.cancel(5, SlaClock.RESPONSE);
        assertThatThrownBy(() -> s.scheduled(5)).isInstanceOf(IllegalStateException.class);
    }
}
