package cn.ebillops.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.testsupport.TestBotConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The State Council's 2025 and 2026 notices, as pasted, read to exactly the calendars of the holiday files
 * (compared as data: what the loader reads from the file); and a notice that disagrees with itself is refused
 * with the item named.
 */
class HolidayNoticeParserTest {

    private final BotConfigFiles files = TestBotConfig.files();

    static String notice(int year) {
        try (InputStream in = HolidayNoticeParserTest.class.getResourceAsStream("/holidays/notice-" + year + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Holiday> file(int year) {
        return HolidayCalendarLoader.parseYear(year, files.read("holidays/" + year + ".yaml"));
    }

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026})
    void theNoticeReadsToTheYearsFile(int year) {
        HolidayNotice n = HolidayNoticeParser.parse(notice(year));
        assertThat(n.year()).isEqualTo(year);
        assertThat(n.title()).isEqualTo("国务院办公厅关于%d年部分节假日安排的通知".formatted(year));
        assertThat(n.holidays()).isEqualTo(file(year));
    }

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026})
    void oneLineAndExtraWhitespaceAndHalfWidthPunctuationReadTheSame(int year) {
        String text = notice(year);
        String oneLine = text.replaceAll("\\s+", " ");
        String spaced = text.replace("\n", "\n\n  ").replace("：", "： ").replace("至", " 至\n").replace("日（", "日 （");
        String halfWidth = text.replace('（', '(').replace('）', ')').replace('：', ':').replace('，', ',');
        for (String variant : List.of(oneLine, spaced, halfWidth, "\u3000" + text.replace("\n", "\r\n"))) {
            assertThat(HolidayNoticeParser.parse(variant).holidays()).isEqualTo(file(year));
        }
    }

    @Test
    void theSignatureRightAfterTheLastItemIsNotReadAsADate() {
        String text = notice(2026);
        String cut = text.substring(0, text.indexOf("鼓励单位")) + "国务院办公厅\n2025年11月4日";
        assertThat(HolidayNoticeParser.parse(cut).holidays()).isEqualTo(file(2026));
    }

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026})
    void theYearsFileWrittenFromTheNoticeLoadsToTheSameCalendar(int year) {
        String yaml = HolidayYaml.render(HolidayNoticeParser.parse(notice(year)), "wangjingli", LocalDate.of(2026, 11, 5));
        var node = BotConfigFiles.parse("holidays/" + year + ".yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        assertThat(HolidayCalendarLoader.parseYear(year, node)).isEqualTo(file(year));
        assertThat(node.string("source")).isEqualTo("国务院办公厅关于%d年部分节假日安排的通知".formatted(year));
    }

    @Test
    void aWrongWeekdayIsRefusedNamingTheItemTheDateAndBothWeekdays() {
        String typo = notice(2026).replace("1月1日（周四）", "1月1日（周五）");
        assertThatThrownBy(() -> HolidayNoticeParser.parse(typo)).isInstanceOf(HolidayNoticeException.class)
                .hasMessage("第一项（元旦） 1月1日 写的是周五，实际是周四。");
    }

    @Test
    void aLunarNoteBesideTheWeekdayIsReadAndItsWeekdayChecked() {
        String typo = notice(2025).replace("农历除夕、周二", "农历除夕、周三");
        assertThatThrownBy(() -> HolidayNoticeParser.parse(typo))
                .hasMessage("第二项（春节） 1月28日 写的是周三，实际是周二。");
    }

    @Test
    void aDayCountThatDisagreesWithTheRangeIsRefused() {
        String typo = notice(2026).replace("共9天", "共8天");
        assertThatThrownBy(() -> HolidayNoticeParser.parse(typo))
                .hasMessage("第二项（春节） 写的是共8天，但2月15日至2月23日实际是9天。");
    }

    @Test
    void aMakeUpDayOnAWeekdayIsRefused() {
        // the weekday in brackets is left out, so only the weekend rule can catch the wrong date
        String typo = notice(2026).replace("9月20日（周日）", "9月21日");
        assertThatThrownBy(() -> HolidayNoticeParser.parse(typo))
                .hasMessage("第七项（国庆节） 调休上班日 9月21日 是周一，不是周末。");
    }

    @Test
    void everyProblemIsListedNotOnlyTheFirst() {
        String typos = notice(2026).replace("1月1日（周四）", "1月1日（周五）").replace("5月9日（周六）", "5月9日（周日）");
        assertThatThrownBy(() -> HolidayNoticeParser.parse(typos)).isInstanceOfSatisfying(HolidayNoticeException.class,
                e -> assertThat(e.problems()).containsExactly("第一项（元旦） 1月1日 写的是周五，实际是周四。",
                        "第四项（劳动节） 5月9日 写的是周日，实际是周六。"));
    }

    @Test
    void aMakeUpDayInOtherWordsIsNotSilentlyDropped() {
        String other = notice(2026).replace("1月4日（周日）上班", "1月4日（周日）正常工作");
        assertThatThrownBy(() -> HolidayNoticeParser.parse(other)).hasMessageContaining("第一项（元旦） 无法识别日期“1月4日(周日)”");
    }

    @Test
    void textWithoutTitleOrItemsIsRefusedSayingWhatToPaste() {
        assertThatThrownBy(() -> HolidayNoticeParser.parse("元旦放三天")).hasMessageContaining("找不到年份");
        assertThatThrownBy(() -> HolidayNoticeParser.parse("国务院办公厅关于2027年部分节假日安排的通知"))
                .hasMessageContaining("没有找到“一、元旦：");
        String missing = notice(2026).replace("三、清明节：", "清明节：");
        assertThatThrownBy(() -> HolidayNoticeParser.parse(missing)).hasMessageContaining("条目编号不连续");
    }
}
