package cn.ebillops.incident;

import cn.ebillops.contract.SigningGrade;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.incident.clock.SlaClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Opening, merging and level rules of the incident service, without Spring (H2, hand-moved clock). */
class IncidentRulesUnitTest {

    private final IncidentFixture f = new IncidentFixture();
    private final Instant t0 = IncidentFixture.T0;

    private IncidentService.ReportOutcome report(String userId, String chat, Severity severity, Area area) {
        return f.service.report(new FaultReport(f.person(userId), chat, "开票失败，提示签名错误", severity, area));
    }

    @Test
    void signingLoanerDeadlineCountsFromTheOpeningWhenTheLevelIsRaisedLater() {
        Incident minor = report("chenxia", "wr_cashier", Severity.III, Area.SIGNING).incident();
        assertThat(minor.loanerDeadline()).as("轻微: no loaner device").isNull();

        f.clock.advance(Duration.ofHours(5));
        Incident general = f.service.changeLevel(minor.number(), f.person("zhanggong"), Severity.II);
        assertThat(general.loanerDeadline()).as("一般: 48 h from the opening, not from the change")
                .isEqualTo(t0.plus(Duration.ofHours(48)));
        assertThat(general.resolutionDeadline()).isEqualTo(t0.plus(Duration.ofHours(8)));

        f.clock.advance(Duration.ofHours(3));
        Incident severe = f.service.changeLevel(minor.number(), f.person("zhanggong"), Severity.I);
        assertThat(severe.loanerDeadline()).as("严重: 24 h from the opening").isEqualTo(t0.plus(Duration.ofHours(24)));
        assertThat(severe.runningDeadline(SlaClock.LOANER)).contains(t0.plus(Duration.ofHours(24)));
    }

    @Test
    void serviceFoundStoppedLaterShortensTheLoanerDeadlineCountedFromTheOpening() {
        Incident i = report("chenxia", "wr_cashier", Severity.II, Area.SIGNING).incident();
        assertThat(i.loanerDeadline()).isEqualTo(t0.plus(Duration.ofHours(48)));

        f.clock.advance(Duration.ofHours(2));
        Incident stopped = f.service.markServiceStopped(i.number(), "签名检查全部失败");
        assertThat(stopped.serviceStopped()).isTrue();
        assertThat(stopped.loanerDeadline()).isEqualTo(t0.plus(Duration.ofHours(24)));
        assertThat(stopped.signingGrade()).contains(SigningGrade.SEVERE);
    }

    @Test
    void aNonSigningFaultHasNoLoanerDeadlineAtAnyLevel() {
        Incident i = report("chenxia", "wr_cashier", Severity.III, Area.ISSUANCE).incident();
        Incident raised = f.service.changeLevel(i.number(), f.person("zhanggong"), Severity.I);
        assertThat(raised.loanerDeadline()).isNull();
        assertThat(raised.resolutionDeadline()).isEqualTo(t0.plus(Duration.ofHours(4)));
        assertThat(raised.responseDeadline()).isEqualTo(t0.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aReportExactlyAtTheFifteenMinuteBoundaryJoinsTheOpenIncident() {
        Incident first = report("chenxia", "wr_cashier", Severity.II, Area.ISSUANCE).incident();

        f.clock.advance(Duration.ofMinutes(15));
        IncidentService.ReportOutcome second = report("liufang", "wr_finance", Severity.II, Area.ISSUANCE);

        assertThat(second.joined()).isTrue();
        assertThat(second.incident().number()).isEqualTo(first.number());
        assertThat(second.reporters()).extracting(Reporter::userId).containsExactly("chenxia", "liufang");
    }

    @Test
    void aReportJustAfterTheMergeWindowOpensANewIncident() {
        Incident first = report("chenxia", "wr_cashier", Severity.II, Area.ISSUANCE).incident();

        f.clock.advance(Duration.ofMinutes(15).plusMillis(1));
        IncidentService.ReportOutcome second = report("liufang", "wr_finance", Severity.II, Area.ISSUANCE);

        assertThat(second.joined()).isFalse();
        assertThat(second.incident().number()).isNotEqualTo(first.number());
    }

    @Test
    void eachJoiningReportExtendsTheWindowFromTheLatestReport() {
        Incident first = report("chenxia", "wr_cashier", Severity.II, Area.ISSUANCE).incident();
        f.clock.advance(Duration.ofMinutes(10));
        report("liufang", "wr_finance", Severity.II, Area.ISSUANCE);
        f.clock.advance(Duration.ofMinutes(15)); // 25 min after opening, exactly 15 after the last report

        IncidentService.ReportOutcome third = report("huangwei", "wr_cashier", Severity.II, Area.ISSUANCE);
        assertThat(third.joined()).isTrue();
        assertThat(third.incident().number()).isEqualTo(first.number());
    }

    @Test
    void aMoreSevereJoiningReportRaisesTheLevelWithDeadlinesFromTheOpening() {
        Incident first = report("chenxia", "wr_cashier", Severity.III, Area.SIGNING).incident();
        f.clock.advance(Duration.ofMinutes(5));

        Incident joined = report("liufang", "wr_finance", Severity.I, Area.SIGNING).incident();
        assertThat(joined.number()).isEqualTo(first.number());
        assertThat(joined.severity()).isEqualTo(Severity.I);
        assertThat(joined.resolutionDeadline()).isEqualTo(t0.plus(Duration.ofHours(4)));
        assertThat(joined.loanerDeadline()).isEqualTo(t0.plus(Duration.ofHours(24)));
    }

    @Test
    void onsiteDeadlineCountsFromTheMomentAVisitIsNeeded() {
        Incident i = report("chenxia", "wr_cashier", Severity.II, Area.ISSUANCE).incident();
        f.clock.advance(Duration.ofHours(1));
        Incident onsite = f.service.requireOnsite(i.number(), f.person("zhanggong"));
        assertThat(onsite.onsiteDeadline()).isEqualTo(t0.plus(Duration.ofHours(5)));
    }
}
