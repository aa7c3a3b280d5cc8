package cn.ebillops.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.nlu.Entities.DateMention;
import cn.ebillops.assistant.nlu.Entities.FestivalMention;
import cn.ebillops.assistant.nlu.Entities.HolidayMention;
import cn.ebillops.duty.DutyFixture;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a message is about, read on Friday 4 December 2026 with the test holiday files (2025, 2026)
 * supplying the holiday names.
 */
class EntityExtractorTest {

    private final EntityExtractor extractor = DutyFixture.at("2026-12-04T10:00").entities;

    private Entities read(String text) {
        return extractor.extract(text);
    }

    private Optional<LocalDate> dateOf(String text) {
        return read(text).date().map(DateMention::date);
    }

    @ParameterizedTest
    @CsvSource({
            "2026年10月1日谁值班, 2026-10-01",
            "2026-10-01, 2026-10-01",
            "/duty 2026-10-01, 2026-10-01",
            "2026/10/1 谁值班, 2026-10-01",
            "2026.10.1谁值班, 2026-10-01",
            "2026年10月1号边个值班, 2026-10-01",
            "今年十月一号谁值班, 2026-10-01",
            "２０２６年１０月１日谁值班, 2026-10-01",
            "2025年12月31日谁值班, 2025-12-31",
            // year-less: the first occurrence not more than 7 days ago
            "10月1日谁值班, 2027-10-01",
            "10月1号谁值班, 2027-10-01",
            "十月一号谁值班, 2027-10-01",
            "10.1谁值班, 2027-10-01",
            "12月1日谁值班, 2026-12-01",
            "12月25号谁值班, 2026-12-25",
            "1月5号谁值班, 2027-01-05",
            "12号谁值班, 2026-12-12",
            "2号谁值班, 2026-12-02",
            // ... unless the message looks back
            "10月1日那天谁值班, 2026-10-01",
            "上次12月5号谁值的班, 2025-12-05",
            "明年1月5日谁值班, 2027-01-05",
    })
    void explicitDatesResolveAgainstTheClock(String text, LocalDate expected) {
        assertThat(dateOf(text)).contains(expected);
        assertThat(read(text).date().orElseThrow().relative()).isFalse();
        assertThat(read(text).holiday()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "今晚谁值班, 2026-12-04", "今天谁值班, 2026-12-04", "今日边个值班, 2026-12-04",
            "明天谁值班, 2026-12-05", "明晚谁值班, 2026-12-05", "听日边个值班, 2026-12-05", "天光日𠊎兜边个值班, 2026-12-05",
            "后天谁值班, 2026-12-06", "大后天谁值班, 2026-12-07", "昨天谁值的班, 2026-12-03", "琴日边个值班, 2026-12-03",
            "下周一谁值班, 2026-12-07", "下个星期一谁值班, 2026-12-07", "周一谁值班, 2026-12-07", "这周三谁值班, 2026-12-02",
            "本周六谁值班, 2026-12-05", "上周五谁值的班, 2026-11-27", "星期天谁值班, 2026-12-06", "礼拜日边个值班, 2026-12-06",
    })
    void relativeDaysAndWeekdays(String text, LocalDate expected) {
        assertThat(read(text).date()).hasValueSatisfying(d -> {
            assertThat(d.date()).isEqualTo(expected);
            assertThat(d.relative()).isTrue();
        });
    }

    @Test
    void weekendsAreTheSaturdayMeant() {
        assertThat(read("这周末谁值班").weekend()).contains(LocalDate.of(2026, 12, 5));
        assertThat(read("周末有工程师值班吗").weekend()).contains(LocalDate.of(2026, 12, 5));
        assertThat(read("下周末谁值班").weekend()).contains(LocalDate.of(2026, 12, 12));
        assertThat(read("这周末谁值班").date()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "2026年国庆谁值班, 国庆, 2026",
            "2026年国庆节谁值班, 国庆节, 2026",
            "/duty 2026年国庆, 国庆, 2026",
            "2025年十一边个值班, 十一, 2025",
            "明年春节谁值班, 春节, 2027",
            "去年国庆谁值的班, 国庆, 2025",
            "国庆边个值班, 国庆, ",
            "过年𠊎兜边个值班, 过年, ",
            "十一谁值班, 十一, ",
            "五一劳动节值班表, 五一劳动节, ",
            "元旦谁值班, 元旦, ",
            "清明节放假谁值班, 清明节, ",
            "端午谁值班, 端午, ",
            "中秋节谁值班, 中秋节, ",
    })
    void holidaysComeFromTheCalendarsNamesWithTheirYearWhenGiven(String text, String word, Integer year) {
        Entities e = read(text);
        assertThat(e.holiday()).contains(new HolidayMention(word,
                year == null ? OptionalInt.empty() : OptionalInt.of(year)));
        assertThat(e.date()).isEmpty();
        assertThat(e.anyHoliday()).isFalse();
    }

    @Test
    void aMonthOrAnHourIsNotTheHolidayOfTheSameWords() {
        assertThat(read("十一月谁值班").holiday()).isEmpty();
        assertThat(read("十一点谁值班").holiday()).isEmpty();
        assertThat(read("十一号谁值班").holiday()).isEmpty();
        assertThat(read("十一号谁值班").date().map(DateMention::date)).contains(LocalDate.of(2026, 12, 11));
        assertThat(read("双十一谁值班").holiday()).isEmpty();
    }

    @Test
    void festivalsThatAreNotStatutoryHolidaysCarryTheirGregorianDateIfTheyHaveOne() {
        assertThat(read("圣诞节谁值班").festival()).contains(new FestivalMention("圣诞节", Optional.of(LocalDate.of(2026, 12, 25))));
        assertThat(read("平安夜边个值班").festival()).contains(new FestivalMention("平安夜", Optional.of(LocalDate.of(2026, 12, 24))));
        assertThat(read("情人节谁值班").festival()).contains(new FestivalMention("情人节", Optional.of(LocalDate.of(2027, 2, 14))));
        assertThat(read("2025年圣诞节谁值的班").festival()).contains(new FestivalMention("圣诞节", Optional.of(LocalDate.of(2025, 12, 25))));
        assertThat(read("元宵节谁值班").festival()).contains(new FestivalMention("元宵节", Optional.empty()));
        assertThat(read("七夕谁值班").festival()).contains(new FestivalMention("七夕", Optional.empty()));
        assertThat(read("中国情人节谁值班").festival()).contains(new FestivalMention("中国情人节", Optional.empty()));
        assertThat(read("母亲节谁值班").festival()).contains(new FestivalMention("母亲节", Optional.of(LocalDate.of(2027, 5, 9))));
        assertThat(read("圣诞节谁值班").holiday()).isEmpty();
        assertThat(read("圣诞节谁值班").unresolvedDay()).isEmpty();
    }

    @Test
    void aDayThatCannotBeTiedToADateIsSaidToBeUnresolved() {
        assertThat(read("那天谁值班").unresolvedDay()).contains("那天");
        assertThat(read("当天谁值的班").unresolvedDay()).contains("当天");
        assertThat(read("2月30日谁值班").unresolvedDay()).contains("2月30日");
        assertThat(read("2月30日谁值班").date()).isEmpty();
        assertThat(read("2026-02-30谁值班").unresolvedDay()).contains("2026-02-30");
        assertThat(read("13月1日谁值班").unresolvedDay()).contains("13月1日");
        // a day the message does name is not vague
        assertThat(read("10月1日那天谁值班").unresolvedDay()).isEmpty();
        assertThat(read("国庆那天谁值班").unresolvedDay()).isEmpty();
    }

    @Test
    void aHolidayWithoutANameMeansTheNextOne() {
        Entities e = read("下个长假谁值班");
        assertThat(e.anyHoliday()).isTrue();
        assertThat(e.unresolvedDay()).isEmpty();
        assertThat(read("放假期间谁值班").anyHoliday()).isTrue();
        assertThat(read("春节假期谁值班").anyHoliday()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "3号故障单好了吗, 3", "#3 还是不行, 3", "＃15 处理得怎么样了, 15", "故障单12处理得怎么样, 12",
            "单号 12 还没好, 12", "单号：12 还没好, 12", "第12号单好了没, 12", "12号单好了没, 12", "工单#7 还是不行, 7",
            "故障单号 42 进度, 42",
    })
    void incidentNumbers(String text, long number) {
        Entities e = read(text);
        assertThat(e.incidents()).containsExactly(number);
        assertThat(e.date()).isEmpty();
    }

    @Test
    void numbersThatAreNotIncidents() {
        assertThat(read("#3 和 #5 都还不行").incidents()).containsExactly(3L, 5L);
        assertThat(read("12号谁值班").incidents()).isEmpty();
        assertThat(read("10月1号单位放假").incidents()).isEmpty();
        assertThat(read("3号窗口开票失败").incidents()).isEmpty();
        assertThat(read("开票失败").incidents()).isEmpty();
    }

    @Test
    void windowsAndDepartments() {
        Entities e = read("3号窗口开票失败");
        assertThat(e.window()).hasValue(3);
        assertThat(e.date()).isEmpty();
        assertThat(read("三号窗口打不开").window()).hasValue(3);
        assertThat(read("窗口5打不开").window()).hasValue(5);
        assertThat(read("门诊收费处打不开").department()).contains("门诊收费处");
        assertThat(read("住院处开不了票").department()).contains("住院处");
        assertThat(read("我们心内科的电脑开不了票").department()).contains("心内科");
        assertThat(read("信息科说网络断了").department()).contains("信息科");
        assertThat(read("开票失败").department()).isEmpty();
    }

    @Test
    void versionsAmountsAndHabitsAreNotDates() {
        assertThat(read("版本10.1有问题").date()).isEmpty();
        assertThat(read("金额10.5元开不出来").date()).isEmpty();
        assertThat(read("每周一次巡检").date()).isEmpty();
        assertThat(read("3日内处理完").date()).isEmpty();
        assertThat(read("谁值班")).isEqualTo(Entities.NONE);
        assertThat(read("")).isEqualTo(Entities.NONE);
    }
}
