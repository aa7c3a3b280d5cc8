package cn.ebillops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.testsupport.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Report periods are [from, to) in Beijing time, named as people write them. */
class ReportPeriodUnitTest {

    private static final ZoneId BJ = ZoneId.of("Asia/Shanghai");

    @Test
    void aQuarterCoversItsThreeMonthsFromBeijingMidnight() {
        ReportPeriod q4 = ReportPeriod.quarter(2026, 4, BJ);
        assertThat(q4.label()).isEqualTo("2026年第4季度");
        assertThat(q4.firstDay()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(q4.endExclusive()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(q4.from()).isEqualTo(Instant.parse("2026-09-30T16:00:00Z"));
        assertThat(q4.to()).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
        assertThat(ReportPeriod.quarter(2026, 1, BJ).firstDay()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(ReportPeriod.quarter(2026, 2, BJ).firstDay()).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void theCurrentQuarterIsThatOfTheBeijingDate() {
        // 2026-09-30T16:30Z is already 1 October in Beijing
        MutableClock clock = new MutableClock(Instant.parse("2026-09-30T16:30:00Z"), BJ);
        assertThat(ReportPeriod.currentQuarter(clock).label()).isEqualTo("2026年第4季度");
        clock.set(Instant.parse("2026-09-30T15:59:59Z"));
        assertThat(ReportPeriod.currentQuarter(clock).label()).isEqualTo("2026年第3季度");
        clock.set(Instant.parse("2026-03-31T12:00:00Z"));
        assertThat(ReportPeriod.currentQuarter(clock).label()).isEqualTo("2026年第1季度");
        clock.set(Instant.parse("2026-06-30T12:00:00Z"));
        assertThat(ReportPeriod.currentQuarter(clock).label()).isEqualTo("2026年第2季度");
    }

    @Test
    void currentMonthAndYear() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-31T16:30:00Z"), BJ); // 2027-01-01 00:30
        ReportPeriod month = ReportPeriod.currentMonth(clock);
        assertThat(month.label()).isEqualTo("2027年1月");
        assertThat(month.endExclusive()).isEqualTo(LocalDate.of(2027, 2, 1));
        ReportPeriod year = ReportPeriod.currentYear(clock);
        assertThat(year.label()).isEqualTo("2027年");
        assertThat(year.firstDay()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(year.endExclusive()).isEqualTo(LocalDate.of(2028, 1, 1));
        assertThat(ReportPeriod.month(YearMonth.of(2026, 2), BJ).endExclusive()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void parsesQuarterMonthAndYearAsWritten() {
        assertThat(ReportPeriod.parse("2026Q3", BJ)).contains(ReportPeriod.quarter(2026, 3, BJ));
        assertThat(ReportPeriod.parse(" 2026 q4 ", BJ)).contains(ReportPeriod.quarter(2026, 4, BJ));
        assertThat(ReportPeriod.parse("2026-11", BJ)).contains(ReportPeriod.month(YearMonth.of(2026, 11), BJ));
        assertThat(ReportPeriod.parse("2026-1", BJ)).contains(ReportPeriod.month(YearMonth.of(2026, 1), BJ));
        assertThat(ReportPeriod.parse("2026-12", BJ)).contains(ReportPeriod.month(YearMonth.of(2026, 12), BJ));
        assertThat(ReportPeriod.parse("2026", BJ)).contains(ReportPeriod.year(2026, BJ));
    }

    @Test
    void refusesWhatIsNoPeriod() {
        assertThat(ReportPeriod.parse("2026Q5", BJ)).isEmpty();
        assertThat(ReportPeriod.parse("2026-13", BJ)).isEmpty();
        assertThat(ReportPeriod.parse("2026-0", BJ)).isEmpty();
        assertThat(ReportPeriod.parse("上个月", BJ)).isEmpty();
        assertThat(ReportPeriod.parse(null, BJ)).isEmpty();
        assertThat(ReportPeriod.parse("", BJ)).isEmpty();
    }
}
