package cn.ebillops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.infra.RetryPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An incident whose first answer went out but whose engineer message and diagnosis did not (the
 * instance died): the next start does both, once.
 */
class IncidentFollowThroughTest extends IncidentSpringTestBase {

    @Autowired IncidentFollowThrough followThrough;
    @Autowired RetryPolicy retry;

    @Test
    void aRestartSendsTheEngineerMessageAndTheDiagnosisAStoppedInstanceOwedOnce() {
        Incident i = service.report(report("chenxia", "wr_cashier", Severity.II, Area.ISSUANCE)).incident();
        awaitBackgroundWork();
        // what the instance had not done yet when it was killed
        jdbc.sql("delete from incident_event where incident_id = ? and kind in ('NOTIFIED', 'DIAGNOSIS')")
                .param(i.number()).update();
        jdbc.sql("delete from kv_entry").update(); // and nothing it had claimed for sending
        channel.clear();

        assertThat(followThrough.resume(clock.instant().plusSeconds(1))).isEqualTo(1);

        channel.await(m -> "zhanggong".equals(m.toUser()) && m.markdown().contains("新故障单"), Duration.ofSeconds(5));
        channel.await(m -> "wr_cashier".equals(m.chatId()) && m.markdown().contains("自动诊断"), Duration.ofSeconds(5));
        assertThat(service.timeline(i.number())).extracting(IncidentEvent::kind).contains("NOTIFIED", "DIAGNOSIS");

        assertThat(followThrough.resume(clock.instant().plusSeconds(1))).as("nothing is owed any more").isZero();
        List<OutboundMessage> dms = channel.directTo("zhanggong").stream()
                .filter(m -> m.markdown().contains("新故障单")).toList();
        assertThat(dms).hasSize(1);
    }

    @Test
    void incidentsOpenedAfterThisInstanceStartedAreLeftToIt() {
        service.report(report("chenxia", "wr_cashier", Severity.III, Area.DELIVERY));
        awaitBackgroundWork();
        jdbc.sql("delete from incident_event where kind = 'NOTIFIED'").update();
        assertThat(followThrough.resume(clock.instant().minusSeconds(60))).isZero();
    }

    @Test
    void anEngineerMessageThatFailedIsTriedAgainUntilItGoesOut() {
        channel.failDirectTo("zhanggong");
        try {
            Incident i = service.report(report("chenxia", "wr_cashier", Severity.II, Area.SIGNING)).incident();
            awaitBackgroundWork();
            assertThat(service.timeline(i.number())).extracting(IncidentEvent::kind)
                    .contains("NOTIFY_FAILED").doesNotContain("NOTIFIED");
        } finally {
            channel.failDirectTo(null);
        }
        clock.advance(retry.waitAfter(1));
        assertThat(followThrough.resume(clock.instant().plusSeconds(1))).isEqualTo(1);
        channel.await(m -> "zhanggong".equals(m.toUser()) && m.markdown().contains("新故障单"), Duration.ofSeconds(5));
        assertThat(followThrough.resume(clock.instant().plusSeconds(1))).isZero();
    }

    @Test
    void aFailedEngineerMessageWaitsTheRetryPolicysBackOffBeforeEachNewTry() {
        channel.failDirectTo("zhanggong");
        try {
            Incident i = service.report(report("chenxia", "wr_cashier", Severity.II, Area.SIGNING)).incident();
            awaitBackgroundWork();
            assertThat(followThrough.resume(clock.instant().plusSeconds(1))).as("right after the failure").isZero();

            clock.advance(retry.waitAfter(1));
            assertThat(followThrough.resume(clock.instant().plusSeconds(1))).as("tried again, failed again")
                    .isEqualTo(1);
            assertThat(service.timeline(i.number())).filteredOn(e -> e.kind().equals("NOTIFY_FAILED")).hasSize(2);

            clock.advance(retry.waitAfter(2).minusMillis(1));
            assertThat(followThrough.resume(clock.instant().plusSeconds(1))).as("the second wait is longer").isZero();
        } finally {
            channel.failDirectTo(null);
        }
        clock.advance(Duration.ofMillis(1));
        assertThat(followThrough.resume(clock.instant().plusSeconds(1))).isEqualTo(1);
        channel.await(m -> "zhanggong".equals(m.toUser()) && m.markdown().contains("新故障单"), Duration.ofSeconds(5));
        assertThat(followThrough.resume(clock.instant().plusSeconds(1))).isZero();
    }
}
