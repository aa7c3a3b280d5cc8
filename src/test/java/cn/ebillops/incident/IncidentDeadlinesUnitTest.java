package cn.ebillops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The contract's default deadlines (incident.yaml may change the figures, not the rules). */
class IncidentDeadlinesUnitTest {

    private static final Instant OPENED = Instant.parse("2026-11-25T02:00:00Z");
    private final IncidentDeadlines deadlines = new IncidentDeadlines(IncidentSettings.defaults());

    @Test
    void responseIsThirtyMinutesAndResolutionFollowsTheLevel() {
        assertThat(deadlines.response(OPENED)).isEqualTo(OPENED.plus(Duration.ofMinutes(30)));
        assertThat(deadlines.resolution(Severity.I, OPENED)).isEqualTo(OPENED.plus(Duration.ofHours(4)));
        assertThat(deadlines.resolution(Severity.II, OPENED)).isEqualTo(OPENED.plus(Duration.ofHours(8)));
        assertThat(deadlines.resolution(Severity.III, OPENED)).isEqualTo(OPENED.plus(Duration.ofHours(24)));
    }

    @Test
    void loanerDeviceIsDueAfter24HoursWhenSevereAnd48WhenGeneralAndNeverWhenMinor() {
        assertThat(deadlines.loaner(Area.SIGNING, Severity.I, false, OPENED)).isEqualTo(OPENED.plus(Duration.ofHours(24)));
        assertThat(deadlines.loaner(Area.SIGNING, Severity.II, true, OPENED)).isEqualTo(OPENED.plus(Duration.ofHours(24)));
        assertThat(deadlines.loaner(Area.SIGNING, Severity.II, false, OPENED)).isEqualTo(OPENED.plus(Duration.ofHours(48)));
        assertThat(deadlines.loaner(Area.SIGNING, Severity.III, true, OPENED)).isNull();
        assertThat(deadlines.loaner(Area.ISSUANCE, Severity.I, true, OPENED)).isNull();
    }

    @Test
    void onsiteCountsFromTheVisitRequestAndTheMergeWindowReachesFifteenMinutesBack() {
        Instant later = OPENED.plus(Duration.ofHours(3));
        assertThat(deadlines.onsite(later)).isEqualTo(later.plus(Duration.ofHours(4)));
        assertThat(deadlines.mergeSince(later)).isEqualTo(later.minus(Duration.ofMinutes(15)));
    }
}
