package cn.ebillops.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.duty.DutyFixture;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticePlannerTest {

    private final DutyFixture duty = DutyFixture.at("2026-01-01T00:00");
    private final NoticePlanner planner = ScheduleFixture.planner(duty);

    @Test
    void nationalDayNoticesFallOnTheRightDays() {
        assertThat(due(NoticeKind.HOLIDAY_NOTICE, "2026-国庆")).isEqualTo(LocalDateTime.parse("2026-09-28T09:30"));
        assertThat(due(NoticeKind.HOLIDAY_EVE, "2026-国庆")).isEqualTo(LocalDateTime.parse("2026-09-30T16:00"));
        assertThat(due(NoticeKind.PRE_HOLIDAY, "2026-国庆")).isEqualTo(LocalDateTime.parse("2026-09-30T10:00"));
    }

    @Test
    void preHolidayRoutinesFallOnTheLastWorkingDayIncludingMakeUpSaturdays() {
        assertThat(due(NoticeKind.PRE_HOLIDAY, "2026-春节")).isEqualTo(LocalDateTime.parse("2026-02-14T10:00"));
        assertThat(due(NoticeKind.PRE_HOLIDAY, "2026-中秋")).isEqualTo(LocalDateTime.parse("2026-09-24T10:00"));
        // 元旦 2026: three working days back reaches into 2025's file
        assertThat(due(NoticeKind.HOLIDAY_NOTICE, "2026-元旦")).isEqualTo(LocalDateTime.parse("2025-12-29T09:30"));
    }

    @Test
    void quarterlyInspectionIsOnTheQuartersFirstWorkingDay() {
        // 4 January 2026 is a Sunday worked in exchange for 元旦
        assertThat(due(NoticeKind.QUARTERLY, "2026-Q1")).isEqualTo(LocalDateTime.parse("2026-01-04T10:30"));
        assertThat(due(NoticeKind.QUARTERLY, "2026-Q4")).isEqualTo(LocalDateTime.parse("2026-10-08T10:30"));
        assertThat(due(NoticeKind.ANNUAL_MEETING, "2026")).isEqualTo(LocalDateTime.parse("2026-11-02T09:30"));
    }

    @Test
    void certificateRemindersAt30_14_7And1DaysBeforeExpiry() {
        List<PlannedNotice> ca = planner.dueBetween(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 4, 30)).stream()
                .filter(n -> n.kind() == NoticeKind.CA_EXPIRY).toList();
        assertThat(ca).extracting(n -> LocalDateTime.ofInstant(n.dueAt(), duty.clock.getZone()).toLocalDate())
                .containsExactly(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 17), LocalDate.of(2027, 3, 24),
                        LocalDate.of(2027, 3, 30));
    }

    @Test
    void holidaysOfAnUnknownYearAreNotPlannedButTheGapIsRemindedFromDecember() {
        List<PlannedNotice> dec = planner.dueBetween(LocalDate.of(2026, 11, 20), LocalDate.of(2027, 1, 31));
        assertThat(dec).noneMatch(n -> n.occasion().startsWith("2027-") && n.holiday().isPresent());
        assertThat(dec).filteredOn(n -> n.kind() == NoticeKind.CALENDAR_MISSING).first().satisfies(n -> {
            assertThat(n.year()).isEqualTo(2027);
            assertThat(LocalDateTime.ofInstant(n.dueAt(), duty.clock.getZone())).isEqualTo("2026-12-01T09:30");
        });
    }

    private LocalDateTime due(NoticeKind kind, String occasion) {
        return planner.dueBetween(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 12, 31)).stream()
                .filter(n -> n.kind() == kind && n.occasion().equals(occasion)).findFirst()
                .map(n -> LocalDateTime.ofInstant(n.dueAt(), duty.clock.getZone())).orElseThrow();
    }
}
