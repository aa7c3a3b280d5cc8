package cn.ebillops.duty;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.channel.OutboundMessage;
import org.junit.jupiter.api.Test;

class DutyAnswersTest {

    @Test
    void tonightAnswersThePersonToCallAndHow() {
        DutyFixture f = DutyFixture.at("2026-03-10T21:30");
        String a = f.ask("今晚谁值班");
        // 10 March 2026 is in the tenth week from the anchor (5 January, zhanggong): ligong's week,
        // so the configured backup (ligong) is on duty himself and zhanggong backs up
        assertThat(a).startsWith("**当前值班**（3月10日（周二）班）\n")
                .contains("> 值班工程师：李工（电话 13800138002）\n")
                .contains("> 备岗工程师：张工（电话 13800138001）\n")
                .contains("> 负责人：王经理（电话 13800138003）\n")
                .contains("> 值班热线：0753-2188000\n")
                .contains("下一个假期：**清明**");
    }

    @Test
    void labourDayPlanIsFoundByItsColloquialName() {
        DutyFixture f = DutyFixture.at("2026-04-20T10:00");
        String a = f.ask("五一值班表");
        assertThat(a).contains("2026年劳动节假期值班安排").contains("5月1日（周五）至5月5日（周二），共 5 天")
                .contains("调休上班：5月9日（周六）").contains("李工（电话 13800138002）");
    }

    @Test
    void nationalDayQuestionGivesTheDailyPlan() {
        DutyFixture f = DutyFixture.at("2026-09-01T10:00");
        String a = f.ask("国庆节谁值班");
        assertThat(a).contains("2026年国庆假期值班安排").contains("> 10月1日（周四）：张工（电话 13800138001）")
                .contains("> 10月2日（周五）：李工").contains("调休上班：9月20日（周日）、10月10日（周六）");
    }

    @Test
    void springFestivalCommandUsesTheNamedDays() {
        DutyFixture f = DutyFixture.at("2026-01-20T10:00");
        String a = f.ask("春节");
        assertThat(a).contains("> 2月15日（周日）至2月16日（周一）：张工").contains("> 2月17日（周二）至2月18日（周三）：李工");
    }

    @Test
    void weekendWithAMakeUpSaturdaySaysItIsAWorkingDay() {
        DutyFixture f = DutyFixture.at("2026-02-10T10:00");
        String a = f.ask("这周末有工程师值班吗");
        assertThat(a).contains("2月14日（周六）").contains("调休上班日，正常上班").contains("2月15日（周日）")
                .contains("春节假期").contains("7×24");
    }

    @Test
    void year2027IsReportedUnknownAndTheAdministratorIsRemindedOnce() {
        DutyFixture f = DutyFixture.at("2026-11-25T10:00");
        String a = f.ask("春节");
        assertThat(a).contains("2027 年的节假日安排尚未配置").contains("不会猜测").contains("已提醒管理员");
        assertThat(f.sent).singleElement().satisfies(m -> {
            assertThat(m.toUser()).isEqualTo("wangjingli");
            assertThat(m.markdown()).contains("bot-config/holidays/2027.yaml");
        });
        String again = f.ask("国庆节谁值班");
        assertThat(again).contains("2027 年的节假日安排尚未配置").contains("管理员已收到补充提醒");
        assertThat(f.sent).hasSize(1);
        // /duty still answers who is on duty now, with the warning about next year
        assertThat(f.ask("")).contains("当前值班").contains("注意：2027 年的节假日安排尚未配置");
    }

    @Test
    void dutyInAYearWithoutAFileStillNamesTheEngineerAndWarns() {
        DutyFixture f = DutyFixture.at("2027-01-05T10:00");
        String a = f.ask("");
        // 5 January 2027 is 52 weeks after the anchor: zhanggong's week again
        assertThat(a).contains("当前值班").contains("> 值班工程师：张工（电话 13800138001）")
                .contains("2027 年的节假日安排尚未配置").contains("已提醒管理员");
        assertThat(f.sent).singleElement().satisfies(m -> assertThat(m.toUser()).isEqualTo("wangjingli"));
        assertThat(f.ask("这周末有工程师值班吗")).contains("无法确认是否调休");
    }

    @Test
    void aDateGivesThatDaysDutyAndKind() {
        DutyFixture f = DutyFixture.at("2026-09-01T10:00");
        assertThat(f.ask("2026-09-20")).contains("调休上班日");
        assertThat(f.ask("2026-10-03")).contains("国庆假期");
        assertThat(f.ask("2027-01-04")).contains("2027 年的节假日安排尚未配置");
        assertThat(f.sent).extracting(OutboundMessage::toUser).isEmpty();
    }

    // ---- what the message is about (clock on Friday 4 December 2026; holiday files for 2025 and 2026 only)

    private static DutyFixture december() {
        return DutyFixture.at("2026-12-04T10:00");
    }

    @Test
    void aYearWithAHolidayGivesThatYearsPlanSaidToBeOver() {
        DutyFixture f = december();
        String a = f.ask("2026年国庆谁值班");
        assertThat(a).startsWith("**2026年国庆假期值班安排**（已过去）\n以下是当时的值班安排。")
                .contains("> 10月1日（周四）：张工（电话 13800138001）").doesNotContain("2027");
        assertThat(f.ask("/duty 2026年国庆")).isEqualTo(a);
        // 2025 names the holiday 国庆、中秋 with 国庆 as an alias: the year's own entry is found by it
        assertThat(f.ask("2025年国庆谁值的班")).startsWith("**2025年国庆、中秋假期值班安排**（已过去）");
        assertThat(f.sent).isEmpty();
    }

    @Test
    void aYearWithoutACalendarIsSaidSoAndNeverAnsweredWithAnotherYear() {
        DutyFixture f = december();
        String next = f.ask("2027年国庆谁值班");
        assertThat(next).contains("2027 年的节假日安排尚未配置").contains("已提醒管理员").doesNotContain("2026年国庆");
        assertThat(f.sent).singleElement().satisfies(m -> assertThat(m.markdown()).contains("2027.yaml"));
        String past = f.ask("2024年国庆谁值班");
        assertThat(past).contains("2024 年的节假日安排尚未配置").contains("无法给出").doesNotContain("2026年国庆");
        assertThat(f.sent).hasSize(1); // nobody is asked to configure a past year
    }

    @Test
    void aHolidayWithoutAYearIsTheNextOneOrTheLastOneWhenLookingBack() {
        DutyFixture f = december();
        assertThat(f.ask("国庆边个值班")).contains("2027 年的节假日安排尚未配置");
        assertThat(f.ask("上次国庆谁值的班")).startsWith("**2026年国庆假期值班安排**（已过去）");
        assertThat(f.ask("元旦谁值班")).contains("2027 年的节假日安排尚未配置");
        DutyFixture january = DutyFixture.at("2026-01-20T10:00");
        assertThat(january.ask("过年𠊎兜边个值班")).startsWith("**2026年春节假期值班安排**\n")
                .contains("> 2月15日（周日）至2月16日（周一）：张工");
    }

    @Test
    void anExplicitDateIsAnsweredInFullAndSaidToBePast() {
        DutyFixture f = december();
        String full = f.ask("2026年10月1日谁值班");
        assertThat(full).startsWith("**2026年10月1日（周四） 值班**（国庆假期）\n该日已过去，以下是当时的值班安排。\n")
                .contains("> 值班工程师：张工（电话 13800138001）").doesNotContain("当前值班");
        assertThat(f.ask("2026/10/1 谁值班")).isEqualTo(full);
        assertThat(f.ask("10月1日那天谁值班")).isEqualTo(full);
        // without a year, 1 October is the coming one (2027, not configured): said in full, with the gap
        assertThat(f.ask("10月1日谁值班")).startsWith("**2027年10月1日（周五） 值班**\n2027 年的节假日安排尚未配置")
                .doesNotContain("当前值班").doesNotContain("已过去");
        assertThat(f.ask("12月25号谁值班")).startsWith("**2026年12月25日（周五） 值班**（工作日）\n> 值班工程师");
    }

    @Test
    void todayIsTheDutyNowAndTomorrowIsItsDate() {
        DutyFixture f = december();
        assertThat(f.ask("今晚谁值班")).startsWith("**当前值班**（12月4日（周五）班）");
        assertThat(f.ask("明天谁值班")).startsWith("**2026年12月5日（周六） 值班**（休息日）");
        assertThat(f.ask("下周一谁值班")).startsWith("**2026年12月7日（周一） 值班**（工作日）");
        assertThat(f.ask("下周末谁值班")).startsWith("**2026年12月12日（周六）起的周末值班**");
    }

    @Test
    void aFestivalIsNotAStatutoryHolidayButItsDateHasADuty() {
        DutyFixture f = december();
        String christmas = f.ask("圣诞节谁值班");
        assertThat(christmas).startsWith("“圣诞节”不是法定节假日，没有单独的假期值班安排，当天按日常轮值：")
                .contains("**2026年12月25日（周五） 值班**（工作日）").contains("> 值班工程师：")
                .doesNotContain("当前值班");
        String lantern = f.ask("元宵节谁值班");
        assertThat(lantern).startsWith("“元宵节”不是法定节假日").contains("无法确定是哪一天")
                .contains("以下是今天的值班：\n**当前值班**（12月4日（周五）班）");
    }

    @Test
    void aDayThatCannotBeToldIsSaidSoAndTodaysDutyIsLabelledAsToday() {
        DutyFixture f = december();
        assertThat(f.ask("那天谁值班")).startsWith("无法确定“那天”指哪一天")
                .contains("以下是今天的值班：\n**当前值班**（12月4日（周五）班）");
        assertThat(f.ask("2月30日谁值班")).startsWith("无法确定“2月30日”指哪一天").contains("以下是今天的值班");
        // "下个长假" is not vague: it is the next holiday (2027 is not configured)
        assertThat(f.ask("下个长假谁值班")).contains("2027 年的节假日安排尚未配置").doesNotContain("无法确定");
    }
}
