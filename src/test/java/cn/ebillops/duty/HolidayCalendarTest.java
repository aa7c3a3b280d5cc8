package cn.ebillops.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HolidayCalendarTest {

    private final HolidayCalendar calendar = DutyFixture.at("2026-01-01T10:00").calendar;

    @Test
    void filesOf2025And2026AreLoadedWithTheReferenceDays() {
        assertThat(calendar.knownYears()).containsExactly(2025, 2026);
        assertThat(calendar.all()).hasSize(13);
        Holiday national = calendar.next("国庆", LocalDate.of(2026, 1, 1)).orElseThrow();
        assertThat(national.firstDay()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(national.lastDay()).isEqualTo(LocalDate.of(2026, 10, 7));
        assertThat(national.makeUpWorkdays()).containsExactly(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
        assertThat(calendar.next("五一", LocalDate.of(2026, 1, 1)).orElseThrow().name()).isEqualTo("劳动节");
    }

    /** Every holiday of the State Council notices for 2025 and 2026: days off and make-up working days. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "2025-01-01 | 2025-01-01 | ''",
        "2025-01-28 | 2025-02-04 | 2025-01-26 2025-02-08",
        "2025-04-04 | 2025-04-06 | ''",
        "2025-05-01 | 2025-05-05 | 2025-04-27",
        "2025-05-31 | 2025-06-02 | ''",
        "2025-10-01 | 2025-10-08 | 2025-09-28 2025-10-11",
        "2026-01-01 | 2026-01-03 | 2026-01-04",
        "2026-02-15 | 2026-02-23 | 2026-02-14 2026-02-28",
        "2026-04-04 | 2026-04-06 | ''",
        "2026-05-01 | 2026-05-05 | 2026-05-09",
        "2026-06-19 | 2026-06-21 | ''",
        "2026-09-25 | 2026-09-27 | ''",
        "2026-10-01 | 2026-10-07 | 2026-09-20 2026-10-10"})
    void everyHolidayHasTheNoticesDaysOffAndMakeUpDays(LocalDate from, LocalDate to, String work) {
        Holiday h = calendar.all().stream().filter(x -> x.firstDay().equals(from)).findFirst().orElseThrow();
        assertThat(h.lastDay()).isEqualTo(to);
        List<LocalDate> makeUp = work.isBlank() ? List.of()
                : java.util.Arrays.stream(work.trim().split(" ")).map(LocalDate::parse).toList();
        assertThat(h.makeUpWorkdays()).containsExactlyElementsOf(makeUp);
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            assertThat(calendar.isWorkingDay(d)).as(d + " is a day off").isFalse();
        }
        makeUp.forEach(d -> assertThat(calendar.isWorkingDay(d)).as(d + " is a make-up working day").isTrue());
    }

    @Test
    void sunday20SeptemberIsAWorkingDay() {
        assertThat(LocalDate.of(2026, 9, 20).getDayOfWeek().name()).isEqualTo("SUNDAY");
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
        assertThat(calendar.isMakeUpWorkday(LocalDate.of(2026, 9, 20))).isTrue();
    }

    @Test
    void ordinaryWeekendsAreOffAndHolidayWeekdaysAreOff() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 19))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 5))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 8))).isTrue();
        assertThat(calendar.holiday(LocalDate.of(2026, 10, 5)).orElseThrow().name()).isEqualTo("国庆");
        assertThat(calendar.holiday(LocalDate.of(2026, 10, 8))).isEmpty();
    }

    @Test
    void lastWorkingDayBeforeSpringFestivalIsTheMakeUpSaturday() {
        Holiday spring = calendar.next("春节", LocalDate.of(2026, 1, 10)).orElseThrow();
        assertThat(calendar.lastWorkingDayBefore(spring)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(LocalDate.of(2026, 2, 14).getDayOfWeek().name()).isEqualTo("SATURDAY");
    }

    @Test
    void lastWorkingDaysBeforeMidAutumnAndNationalDay() {
        assertThat(calendar.lastWorkingDayBefore(calendar.next("中秋", LocalDate.of(2026, 9, 1)).orElseThrow()))
                .isEqualTo(LocalDate.of(2026, 9, 24));
        assertThat(calendar.lastWorkingDayBefore(calendar.next("国庆", LocalDate.of(2026, 9, 1)).orElseThrow()))
                .isEqualTo(LocalDate.of(2026, 9, 30));
        // three working days before 国庆: Mon 28, Tue 29, Wed 30 September
        assertThat(calendar.nthWorkingDayBefore(LocalDate.of(2026, 10, 1), 3)).isEqualTo(LocalDate.of(2026, 9, 28));
    }

    @Test
    void year2027IsUnknownAndNeverGuessed() {
        assertThat(calendar.knows(2027)).isFalse();
        assertThat(calendar.workingDay(LocalDate.of(2027, 1, 4))).isEmpty();
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2027, 1, 4)))
                .isInstanceOf(UnknownCalendarYearException.class)
                .hasMessageContaining("2027 年的节假日安排尚未配置")
                .hasMessageContaining("bot-config/holidays/2027.yaml");
        assertThat(calendar.upcoming(LocalDate.of(2026, 11, 25), 5)).isEmpty();
    }

    @Test
    void colloquialNamesMatchButDatesDoNot() {
        Holiday national = calendar.next("国庆", LocalDate.of(2026, 1, 1)).orElseThrow();
        assertThat(national.mentionedIn("十一谁值班")).isTrue();
        assertThat(national.mentionedIn("国庆节值班表")).isTrue();
        assertThat(national.mentionedIn("十一月值班表")).isFalse();
        assertThat(national.mentionedIn("晚上十一点出问题找谁")).isFalse();
    }

    @Test
    void upcomingListsHolidaysNotYetOver() {
        List<Holiday> next = calendar.upcoming(LocalDate.of(2026, 9, 26), 2);
        assertThat(next).extracting(Holiday::name).containsExactly("中秋", "国庆");
    }

    @Test
    void rejectsADateOutsideTheFilesYear() {
        assertThatThrownBy(() -> parse("""
                year: 2027
                holidays:
                  - name: 元旦
                    from: 2026-12-31
                    to: 2027-01-01
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("holidays/2027.yaml").hasMessageContaining("holidays[name=元旦].from")
                .hasMessageContaining("2027 年内的日期");
    }

    @Test
    void rejectsARangeEndingBeforeItStarts() {
        assertThatThrownBy(() -> parse("""
                year: 2027
                holidays:
                  - name: 清明
                    from: 2027-04-05
                    to: 2027-04-03
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("holidays[name=清明].to")
                .hasMessageContaining("不早于 from");
    }

    @Test
    void rejectsMissingOrDuplicateNamesAndWeekdayMakeUpDays() {
        assertThatThrownBy(() -> parse("""
                year: 2027
                holidays:
                  - from: 2027-04-05
                    to: 2027-04-05
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("holidays[0].name");
        assertThatThrownBy(() -> parse("""
                year: 2027
                holidays:
                  - {name: 清明, from: 2027-04-03, to: 2027-04-05}
                  - {name: 清明, from: 2027-05-01, to: 2027-05-05}
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("不重复的节日名称");
        assertThatThrownBy(() -> parse("""
                year: 2027
                holidays:
                  - {name: 劳动节, from: 2027-05-01, to: 2027-05-05, work: [2027-05-06]}
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("work[0]")
                .hasMessageContaining("周六或周日");
    }

    @Test
    void acceptsQuotedDatesAndAValidNewYear() {
        List<Holiday> hs = parse("""
                year: 2027
                holidays:
                  - {name: 元旦, from: "2027-01-01", to: "2027-01-03"}
                """);
        assertThat(hs).singleElement().satisfies(h -> assertThat(h.days()).isEqualTo(3));
    }

    private static List<Holiday> parse(String yaml) {
        return HolidayCalendarLoader.parseYear(2027, BotConfigFiles.parse("holidays/2027.yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    }
}
