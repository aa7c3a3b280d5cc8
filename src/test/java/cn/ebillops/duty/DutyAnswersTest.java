package cn.ebillops.duty;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.channel.OutboundMessage;
import org.junit.jupiter.api.Test;

class DutyAnswersTest {

    @Test
    void tonightAnswersThePersonToCallAndHow() {
        DutyFixture f = DutyFixture.at("2026-03-10T21:30");
        String a = f.answers.answer("今晚谁值班").markdown();
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
        String a = f.answers.answer("五一值班表").markdown();
        assertThat(a).contains("2026年劳动节假期值班安排").contains("5月1日（周五）至5月5日（周二），共 5 天")
                .contains("调休上班：5月9日（周六）").contains("李工（电话 13800138002）");
    }

    @Test
    void nationalDayQuestionGivesTheDailyPlan() {
        DutyFixture f = DutyFixture.at("2026-09-01T10:00");
        String a = f.answers.answer("国庆节谁值班").markdown();
        assertThat(a).contains("2026年国庆假期值班安排").contains("> 10月1日（周四）：张工（电话 13800138001）")
                .contains("> 10月2日（周五）：李工").contains("调休上班：9月20日（周日）、10月10日（周六）");
    }

    @Test
    void springFestivalCommandUsesTheNamedDays() {
        DutyFixture f = DutyFixture.at("2026-01-20T10:00");
        String a = f.answers.answer("春节").markdown();
        assertThat(a).contains("> 2月15日（周日）至2月16日（周一）：张工").contains("> 2月17日（周二）至2月18日（周三）：李工");
    }

    @Test
    void weekendWithAMakeUpSaturdaySaysItIsAWorkingDay() {
        DutyFixture f = DutyFixture.at("2026-02-10T10:00");
        String a = f.answers.answer("这周末有工程师值班吗").markdown();
        assertThat(a).contains("2月14日（周六）").contains("调休上班日，正常上班").contains("2月15日（周日）")
                .contains("春节假期").contains("7×24");
    }

    @Test
    void year2027IsReportedUnknownAndTheAdministratorIsRemindedOnce() {
        DutyFixture f = DutyFixture.at("2026-11-25T10:00");
        String a = f.answers.answer("春节").markdown();
        assertThat(a).contains("2027 年的节假日安排尚未配置").contains("不会猜测").contains("已提醒管理员");
        assertThat(f.sent).singleElement().satisfies(m -> {
            assertThat(m.toUser()).isEqualTo("wangjingli");
            assertThat(m.markdown()).contains("bot-config/holidays/2027.yaml");
        });
        String again = f.answers.answer("国庆节谁值班").markdown();
        assertThat(again).contains("2027 年的节假日安排尚未配置").contains("管理员已收到补充提醒");
        assertThat(f.sent).hasSize(1);
        // /duty still answers who is on duty now, with the warning about next year
        assertThat(f.answers.answer("").markdown()).contains("当前值班").contains("注意：2027 年的节假日安排尚未配置");
    }

    @Test
    void dutyInAYearWithoutAFileStillNamesTheEngineerAndWarns() {
        DutyFixture f = DutyFixture.at("2027-01-05T10:00");
        String a = f.answers.answer("").markdown();
        // 5 January 2027 is 52 weeks after the anchor: zhanggong's week again
        assertThat(a).contains("当前值班").contains("> 值班工程师：张工（电话 13800138001）")
                .contains("2027 年的节假日安排尚未配置").contains("已提醒管理员");
        assertThat(f.sent).singleElement().satisfies(m -> assertThat(m.toUser()).isEqualTo("wangjingli"));
        assertThat(f.answers.answer("这周末有工程师值班吗").markdown()).contains("无法确认是否调休");
    }

    @Test
    void aDateGivesThatDaysDutyAndKind() {
        DutyFixture f = DutyFixture.at("2026-09-01T10:00");
        assertThat(f.answers.answer("2026-09-20").markdown()).contains("调休上班日");
        assertThat(f.answers.answer("2026-10-03").markdown()).contains("国庆假期");
        assertThat(f.answers.answer("2027-01-04").markdown()).contains("2027 年的节假日安排尚未配置");
        assertThat(f.sent).extracting(OutboundMessage::toUser).isEmpty();
    }
}
