package cn.ebillops.incident;

import cn.ebillops.contract.SigningGrade;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.incident.clock.SlaClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which clocks run, when they stop, when a promise counts as broken, and the signing grades. */
class IncidentModelUnitTest {

    private static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");
    private static final Instant RESPONSE = T0.plus(Duration.ofMinutes(30));
    private static final Instant RESOLUTION = T0.plus(Duration.ofHours(8));
    private static final Instant ONSITE = T0.plus(Duration.ofHours(5));
    private static final Instant LOANER = T0.plus(Duration.ofHours(48));

    private static Incident incident(IncidentStatus status, Instant acknowledgedAt, Instant onsiteAt, Instant resolvedAt,
                                     Instant closedAt) {
        return new Incident(7, Severity.II, Area.SIGNING, status, Incident.Source.CHAT, "签名失败", "wr_cashier", "chenxia",
                T0, false, T0.plus(Duration.ofHours(1)), acknowledgedAt, null, onsiteAt, null, resolvedAt, null, null,
                closedAt, null, RESPONSE, RESOLUTION, ONSITE, LOANER);
    }

    private static Incident open() {
        return incident(IncidentStatus.OPEN, null, null, null, null);
    }

    @Test
    void anOpenIncidentRunsEveryClockItHas() {
        Incident i = open();
        assertThat(i.runningDeadline(SlaClock.RESPONSE)).contains(RESPONSE);
        assertThat(i.runningDeadline(SlaClock.ONSITE)).contains(ONSITE);
        assertThat(i.runningDeadline(SlaClock.RESOLUTION)).contains(RESOLUTION);
        assertThat(i.runningDeadline(SlaClock.LOANER)).contains(LOANER);
        assertThat(i.ref()).isEqualTo("#7");
    }

    @Test
    void acknowledgementStopsTheResponseClockAndArrivalTheOnsiteClockOnly() {
        Incident i = incident(IncidentStatus.ACKNOWLEDGED, T0.plusSeconds(60), T0.plusSeconds(3600), null, null);
        assertThat(i.runningDeadline(SlaClock.RESPONSE)).isEmpty();
        assertThat(i.runningDeadline(SlaClock.ONSITE)).isEmpty();
        assertThat(i.runningDeadline(SlaClock.RESOLUTION)).contains(RESOLUTION);
        assertThat(i.runningDeadline(SlaClock.LOANER)).contains(LOANER);
        assertThat(i.deadline(SlaClock.RESPONSE)).as("the deadline it had").contains(RESPONSE);
        assertThat(i.deadline(SlaClock.ONSITE)).contains(ONSITE);
        assertThat(i.deadline(SlaClock.RESOLUTION)).contains(RESOLUTION);
        assertThat(i.deadline(SlaClock.LOANER)).contains(LOANER);
    }

    @Test
    void aResolvedOrClosedIncidentRunsNoClock() {
        for (IncidentStatus s : new IncidentStatus[] {IncidentStatus.RESOLVED, IncidentStatus.CLOSED}) {
            Incident i = incident(s, null, null, T0.plusSeconds(60), null);
            for (SlaClock c : SlaClock.values()) {
                assertThat(i.runningDeadline(c)).as("%s %s", s, c).isEmpty();
            }
        }
    }

    @Test
    void eachClockStopsAtItsOwnStep() {
        Instant ack = T0.plusSeconds(60);
        Instant onsite = T0.plusSeconds(7200);
        Instant resolved = T0.plusSeconds(9000);
        Incident i = incident(IncidentStatus.RESOLVED, ack, onsite, resolved, null);
        assertThat(i.stoppedAt(SlaClock.RESPONSE)).isEqualTo(ack);
        assertThat(i.stoppedAt(SlaClock.ONSITE)).isEqualTo(onsite);
        assertThat(i.stoppedAt(SlaClock.RESOLUTION)).isEqualTo(resolved);
        assertThat(i.stoppedAt(SlaClock.LOANER)).isEqualTo(resolved);
        assertThat(incident(IncidentStatus.RESOLVED, null, null, resolved, null).stoppedAt(SlaClock.RESPONSE))
                .as("resolved without 接单: the response clock stops at resolution").isEqualTo(resolved);
        assertThat(open().stoppedAt(SlaClock.RESPONSE)).isNull();
    }

    @Test
    void aPromiseIsBrokenOnlyWhenTheClockStoppedAfterItsDeadline() {
        assertThat(incident(IncidentStatus.ACKNOWLEDGED, RESPONSE, null, null, null).breached(SlaClock.RESPONSE, LOANER))
                .as("acknowledged exactly at the deadline: kept").isFalse();
        assertThat(incident(IncidentStatus.ACKNOWLEDGED, RESPONSE.plusMillis(1), null, null, null)
                .breached(SlaClock.RESPONSE, T0)).isTrue();
    }

    @Test
    void anIncidentResolvedInTimeStaysKeptHoweverLateItIsAsked() {
        Incident resolved = incident(IncidentStatus.RESOLVED, T0.plusSeconds(60), null, RESOLUTION.minusSeconds(1), null);
        assertThat(resolved.breached(SlaClock.RESOLUTION, RESOLUTION.plus(Duration.ofDays(30)))).isFalse();
        assertThat(resolved.breached(SlaClock.RESPONSE, RESOLUTION.plus(Duration.ofDays(30)))).isFalse();
    }

    @Test
    void aRunningClockIsBrokenOnceNowIsPastItsDeadline() {
        assertThat(open().breached(SlaClock.RESPONSE, RESPONSE)).isFalse();
        assertThat(open().breached(SlaClock.RESPONSE, RESPONSE.plusMillis(1))).isTrue();
    }

    @Test
    void anIncidentClosedWithoutTheStepIsJudgedAtItsClosing() {
        Incident closedInTime = incident(IncidentStatus.CLOSED, null, null, null, T0.plusSeconds(60));
        assertThat(closedInTime.breached(SlaClock.ONSITE, LOANER.plusSeconds(1))).isFalse();
        Incident closedLate = incident(IncidentStatus.CLOSED, null, null, null, ONSITE.plusSeconds(1));
        assertThat(closedLate.breached(SlaClock.ONSITE, T0)).isTrue();
    }

    @Test
    void aClockThatNeverStartedIsNeverBroken() {
        Incident noLoaner = new Incident(8, Severity.III, Area.ISSUANCE, IncidentStatus.OPEN, Incident.Source.MONITOR,
                "x", "c", "monitor", T0, false, null, null, null, null, null, null, null, null, null, null, RESPONSE,
                RESOLUTION, null, null);
        assertThat(noLoaner.breached(SlaClock.LOANER, LOANER.plusSeconds(1))).isFalse();
        assertThat(noLoaner.runningDeadline(SlaClock.ONSITE)).isEmpty();
        assertThat(noLoaner.signingGrade()).isEmpty();
    }

    @Test
    void signingGradesFollowTheContract() {
        assertThat(SigningGrade.of(Area.SIGNING, Severity.I, false)).contains(SigningGrade.SEVERE);
        assertThat(SigningGrade.of(Area.SIGNING, Severity.II, true)).contains(SigningGrade.SEVERE);
        assertThat(SigningGrade.of(Area.SIGNING, Severity.II, false)).contains(SigningGrade.GENERAL);
        assertThat(SigningGrade.of(Area.SIGNING, Severity.III, true)).contains(SigningGrade.MINOR);
        assertThat(SigningGrade.of(Area.ISSUANCE, Severity.I, true)).isEmpty();
        assertThat(SigningGrade.SEVERE.label()).isEqualTo("严重");
        assertThat(SigningGrade.GENERAL.label()).isEqualTo("一般");
        assertThat(SigningGrade.MINOR.label()).isEqualTo("轻微");
        assertThat(SigningGrade.SEVERE.wording()).contains("停止服务");
        assertThat(open().signingGrade()).contains(SigningGrade.GENERAL);
    }
}
