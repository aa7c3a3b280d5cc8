package cn.ebillops.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigException;
import cn.ebillops.config.ConfigNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Holiday calendar rules beyond the shipped files: make-up days, walks, file validation, dates. */
class HolidayCalendarRulesTest {

    private final HolidayCalendar calendar = DutyFixture.at("2026-01-01T10:00").calendar;

    private static ConfigNode yaml(String text) {
        return BotConfigFiles.parse("holidays/2027.yaml", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Holiday> parse(String text) {
        return HolidayCalendarLoader.parseYear(2027, yaml(text));
    }

    @Test
    void aMakeUpWorkdayIsKnownAsSuchAndAnOrdinaryDayIsNot() {
        assertThat(calendar.isMakeUpWorkday(LocalDate.of(2026, 9, 20))).isTrue();
        assertThat(calendar.isMakeUpWorkday(LocalDate.of(2026, 9, 21))).isFalse();
        assertThat(calendar.isMakeUpWorkday(LocalDate.of(2026, 10, 3))).as("a day off").isFalse();
        assertThat(calendar.isMakeUpWorkday(LocalDate.of(2030, 1, 5))).as("unknown year").isFalse();
    }

    @Test
    void anOrdinarySaturdayAndSundayAreOffAndAFridayIsWorked() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 27))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 29))).isFalse();
    }

    @Test
    void onlyYearsWithAFileAreKnown() {
        assertThat(calendar.knows(2026)).isTrue();
        assertThat(calendar.knows(2027)).isFalse();
        assertThat(calendar.workingDay(LocalDate.of(2027, 3, 1))).isEmpty();
    }

    @Test
    void theHolidayOfADayOffIsNamed() {
        assertThat(calendar.holiday(LocalDate.of(2026, 10, 7))).map(Holiday::name).contains("国庆");
        assertThat(calendar.holiday(LocalDate.of(2026, 10, 8))).isEmpty();
    }

    @Test
    void betweenListsHolidaysOverlappingTheRangeInclusive() {
        assertThat(calendar.between(LocalDate.of(2026, 10, 7), LocalDate.of(2026, 10, 31)))
                .extracting(Holiday::name).containsExactly("国庆");
        assertThat(calendar.between(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1)))
                .extracting(Holiday::name).containsExactly("中秋", "国庆");
        assertThat(calendar.between(LocalDate.of(2026, 10, 8), LocalDate.of(2026, 12, 31))).isEmpty();
        assertThat(calendar.between(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 24))).isEmpty();
    }

    @Test
    void theFirstWorkingDayAfterNationalDayIsTheEighth() {
        assertThat(calendar.firstWorkingDayFrom(LocalDate.of(2026, 10, 1))).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.firstWorkingDayFrom(LocalDate.of(2026, 10, 8))).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.firstWorkingDayFrom(LocalDate.of(2026, 10, 10))).as("make-up Saturday")
                .isEqualTo(LocalDate.of(2026, 10, 10));
    }

    @Test
    void theNthWorkingDayCountsBackSkippingDaysOff() {
        // before 2026-10-01 (Thu): 30 Sep Wed, 29 Tue, 28 Mon, then 25–27 中秋 off, 24 Thu
        assertThat(calendar.nthWorkingDayBefore(LocalDate.of(2026, 10, 1), 1)).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(calendar.nthWorkingDayBefore(LocalDate.of(2026, 10, 1), 3)).isEqualTo(LocalDate.of(2026, 9, 28));
        assertThat(calendar.nthWorkingDayBefore(LocalDate.of(2026, 10, 1), 4)).isEqualTo(LocalDate.of(2026, 9, 24));
    }

    @Test
    void aHolidayKnowsItsDaysAndKey() {
        Holiday midAutumn = calendar.holiday(LocalDate.of(2026, 9, 26)).orElseThrow();
        assertThat(midAutumn.daysOff()).containsExactly(LocalDate.of(2026, 9, 25), LocalDate.of(2026, 9, 26),
                LocalDate.of(2026, 9, 27));
        assertThat(midAutumn.days()).isEqualTo(3);
        assertThat(midAutumn.key()).isEqualTo("2026-中秋");
        assertThat(midAutumn.isCalled(" 中秋 ")).isTrue();
        assertThat(midAutumn.isCalled("国庆")).isFalse();
    }

    @Test
    void aHolidayNameAtTheEndOfTheTextIsMentioned() {
        Holiday national = calendar.next("国庆", LocalDate.of(2026, 1, 1)).orElseThrow();
        assertThat(national.mentionedIn("谁值班国庆")).isTrue();
        assertThat(national.mentionedIn("十一")).isTrue();
        assertThat(national.mentionedIn("十一月谁值班")).isFalse();
        assertThat(national.mentionedIn("十一月和十一")).as("a later occurrence counts").isTrue();
    }

    @Test
    void theFileMustDeclareItsOwnYearAndAtLeastOneHoliday() {
        assertThatThrownBy(() -> parse("year: 2028\nholidays:\n  - {name: 元旦, from: 2027-01-01, to: 2027-01-01}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("与文件名相同的年份 2027");
        assertThatThrownBy(() -> parse("year: 2027\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("至少一个节假日");
        assertThat(parse("holidays:\n  - {name: 元旦, from: 2027-01-01, to: 2027-01-01}\n")).hasSize(1);
    }

    @Test
    void aMakeUpDayInsideTheDaysOffIsRefusedButAWeekendOutsideIsTaken() {
        // 2027-10-02 is a Saturday inside the days off
        assertThatThrownBy(() -> parse("year: 2027\nholidays:\n  - {name: 国庆, from: 2027-10-01, to: 2027-10-07, work: [2027-10-02]}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("放假日期（2027-10-01 至 2027-10-07）以外");
        assertThatThrownBy(() -> parse("year: 2027\nholidays:\n  - {name: 国庆, from: 2027-10-01, to: 2027-10-07, work: [2027-10-01]}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("以外的调休上班日");
        assertThatThrownBy(() -> parse("year: 2027\nholidays:\n  - {name: 国庆, from: 2027-10-01, to: 2027-10-07, work: [2027-10-07]}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("以外的调休上班日");
        assertThat(parse("year: 2027\nholidays:\n  - {name: 国庆, from: 2027-10-01, to: 2027-10-07, work: [2027-09-26, 2027-10-09]}\n"))
                .singleElement().satisfies(h -> assertThat(h.makeUpWorkdays())
                        .containsExactly(LocalDate.of(2027, 9, 26), LocalDate.of(2027, 10, 9)));
    }

    @Test
    void holidaysAreSortedAndMayNotOverlapOrTouchTheSameDay() {
        List<Holiday> sorted = parse("""
                year: 2027
                holidays:
                  - {name: 国庆, from: 2027-10-01, to: 2027-10-07}
                  - {name: 元旦, from: 2027-01-01, to: 2027-01-01}
                  - {name: 清明, from: 2027-04-03, to: 2027-04-05}
                """);
        assertThat(sorted).extracting(Holiday::name).containsExactly("元旦", "清明", "国庆");
        assertThatThrownBy(() -> parse("""
                year: 2027
                holidays:
                  - {name: 中秋, from: 2027-09-15, to: 2027-10-01}
                  - {name: 国庆, from: 2027-10-01, to: 2027-10-07}
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("不与「中秋」重叠");
        assertThat(parse("""
                year: 2027
                holidays:
                  - {name: 中秋, from: 2027-09-15, to: 2027-09-30}
                  - {name: 国庆, from: 2027-10-01, to: 2027-10-07}
                """)).hasSize(2);
    }

    @Test
    void aFileNotNamedAfterItsYearStopsTheStart(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("holidays"));
        Files.writeString(dir.resolve("holidays/2027.yaml"), "holidays:\n  - {name: 元旦, from: 2027-01-01, to: 2027-01-01}\n");
        assertThat(new HolidayCalendarLoader().holidayCalendar(new BotConfigFiles(dir)).knownYears()).containsExactly(2027);
        Files.writeString(dir.resolve("holidays/holidays.yaml"), "year: 2028\n");
        assertThatThrownBy(() -> new HolidayCalendarLoader().holidayCalendar(new BotConfigFiles(dir)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("holidays.yaml 文件名无效");
    }

    @Test
    void configDatesAcceptYamlTimestampsLocalDatesAndTextAndNameTheBadOnes() {
        ConfigNode node = yaml("a: 2027-10-01\nb: \"2027-10-02\"\nlist: [2027-10-03, \"2027-10-04\"]\none: 2027-10-05\nbad: 10/01\n");
        assertThat(ConfigDates.date(node, "a")).isEqualTo(LocalDate.of(2027, 10, 1));
        assertThat(ConfigDates.date(node, "b")).isEqualTo(LocalDate.of(2027, 10, 2));
        assertThat(ConfigDates.dates(node, "list")).containsExactly(LocalDate.of(2027, 10, 3), LocalDate.of(2027, 10, 4));
        assertThat(ConfigDates.dates(node, "one")).containsExactly(LocalDate.of(2027, 10, 5));
        assertThat(ConfigDates.dates(node, "none")).isEmpty();
        assertThat(ConfigDates.optionalDate(node, "a")).contains(LocalDate.of(2027, 10, 1));
        assertThat(ConfigDates.optionalDate(node, "none")).isEmpty();
        assertThat(ConfigDates.parse(node, "k", LocalDate.of(2027, 1, 2))).isEqualTo(LocalDate.of(2027, 1, 2));
        assertThat(ConfigDates.parse(node, "k", Date.from(java.time.Instant.parse("2027-01-02T00:00:00Z"))))
                .isEqualTo(LocalDate.of(2027, 1, 2));
        assertThatThrownBy(() -> ConfigDates.date(node, "none")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("none").hasMessageContaining("(缺失)");
        assertThatThrownBy(() -> ConfigDates.date(node, "bad")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("YYYY-MM-DD");
    }

    @Test
    void aCalendarSortsEachYearsHolidays() {
        Holiday late = new Holiday(2027, "国庆", List.of(), LocalDate.of(2027, 10, 1), LocalDate.of(2027, 10, 7), List.of());
        Holiday early = new Holiday(2027, "元旦", List.of(), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 1), List.of());
        HolidayCalendar c = new HolidayCalendar(Map.of(2027, List.of(late, early)));
        assertThat(c.all()).containsExactly(early, late);
    }
}
