package cn.ebillops.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.testsupport.MutableClock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NoticeServiceTest {

    private static final Duration HALF_HOUR = Duration.ofMinutes(30);
    private ScheduleFixture f;

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void annualMeetingReminderLinksTheYearsWordReport() {
        f = ScheduleFixture.h2(MutableClock.at("2026-11-01T00:00"));
        f.runUntil("2026-11-02T12:00", HALF_HOUR);
        assertThat(f.sentFor(NoticeKind.ANNUAL_MEETING, "2026")).isNotEmpty().allSatisfy(m -> assertThat(m.markdown())
                .contains("2026 年度服务沟通会议")
                .contains("年度运维报告（Word）：[2026 年度运维报告](http://127.0.0.1:8080/api/reports/annual/2026.docx?sig=t)"));
    }

    @Test
    void nationalDayNoticeGoesOutOnTheRightDayOnceAndTheRoutinesRunOnTheLastWorkingDays() {
        f = ScheduleFixture.h2(MutableClock.at("2026-09-01T00:00"));
        f.runUntil("2026-10-08T23:30", HALF_HOUR);

        List<OutboundMessage> notice = f.sentFor(NoticeKind.HOLIDAY_NOTICE, "2026-国庆");
        assertThat(notice).extracting(OutboundMessage::chatId).containsExactly("wr_cashier", "wr_it");
        assertThat(notice).allSatisfy(m -> {
            assertThat(m.markdown()).startsWith("**2026年国庆假期值班安排**").doesNotContain("补发")
                    .contains("10月1日（周四）至10月7日（周三），共 7 天").contains("值班热线：0753-2188000");
            assertThat(m.mentionUserIds()).containsExactly("zhanggong", "ligong");
        });
        NoticeLedger.Entry entry = f.ledger.find(NoticeKind.HOLIDAY_NOTICE, "2026-国庆").orElseThrow();
        assertThat(LocalDateTime.ofInstant(entry.sentAt(), f.clock.getZone())).isEqualTo("2026-09-28T09:30");
        assertThat(entry.late()).isFalse();
        assertThat(f.sentFor(NoticeKind.HOLIDAY_EVE, "2026-国庆")).hasSize(2);
        assertThat(f.sentFor(NoticeKind.HOLIDAY_NOTICE, "2026-中秋")).hasSize(2);

        assertThat(f.inspections).extracting(c -> c.at().toString(), ScheduleFixture.InspectionCall::trigger)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2026-09-24T10:00", "schedule:pre-holiday:2026-中秋"),
                        org.assertj.core.groups.Tuple.tuple("2026-09-30T10:00", "schedule:pre-holiday:2026-国庆"),
                        org.assertj.core.groups.Tuple.tuple("2026-10-08T10:30", "schedule:quarterly:2026-Q4"));
        assertThat(f.inspections.get(0).scopes()).containsExactlyInAnyOrder(InspectionScope.ALL, InspectionScope.BACKUP);
        assertThat(f.sentFor(NoticeKind.PRE_HOLIDAY, "2026-国庆")).first().satisfies(m -> assertThat(m.markdown())
                .contains("节前例行巡检与数据备份检查")
                .contains("> 【警告】数据备份（ebill-oracle）：最近一次备份 30 小时前\n> 建议：检查备份任务")
                .contains("【警告】项不建故障单")
                .doesNotContain("【异常】和【无法检查】的项目会自动登记"));
        assertThat(f.sentFor(NoticeKind.QUARTERLY, "2026-Q4")).first().satisfies(m -> assertThat(m.markdown())
                .contains("2026 年第 4 季度巡检")
                .contains("巡检报告（Word）：[季度巡检报告（Word）](/api/reports/inspections/3.docx)")
                .contains("改进建议报告：[改进建议报告（Word）](/api/reports/inspections/3/improvement.docx)"));
        assertNothingSentTwice();
    }

    @Test
    void preHolidayRoutineBeforeSpringFestivalRunsOnTheMakeUpSaturday() {
        f = ScheduleFixture.h2(MutableClock.at("2026-02-01T00:00"));
        f.runUntil("2026-02-16T00:00", HALF_HOUR);
        assertThat(f.inspections).singleElement().satisfies(c -> {
            assertThat(c.at()).isEqualTo("2026-02-14T10:00");
            assertThat(c.at().getDayOfWeek().name()).isEqualTo("SATURDAY");
            assertThat(c.trigger()).isEqualTo("schedule:pre-holiday:2026-春节");
        });
        assertThat(f.sentFor(NoticeKind.HOLIDAY_EVE, "2026-春节")).first()
                .satisfies(m -> assertThat(m.markdown()).contains("春节假期 2月15日（周日）起，值班安排提醒"));
        assertNothingSentTwice();
    }

    @Test
    void restartAfterAMissedFireSendsOneLateNotice() {
        f = ScheduleFixture.h2(MutableClock.at("2026-09-27T12:00"));
        f.runUntil("2026-09-27T12:00", HALF_HOUR);
        assertThat(f.sent()).isEmpty();
        // the assistant is down from Sunday noon until Tuesday 11:00; the Monday 09:30 notice was missed.
        // The restarted process is a new service with a new pool on the same database.
        f.dataSource.close();
        ScheduleFixture before = f;
        f = f.secondInstance();
        f.clock.set("2026-09-29T11:00");
        f.runUntil("2026-09-29T13:00", HALF_HOUR);
        assertThat(before.sent()).as("nothing went out before the restart").isEmpty();

        List<OutboundMessage> notice = f.sentFor(NoticeKind.HOLIDAY_NOTICE, "2026-国庆");
        assertThat(notice).hasSize(2).allSatisfy(m -> assertThat(m.markdown())
                .startsWith("（补发：原定 2026-09-28 09:30 发送，因助手停机延迟）\n**2026年国庆假期值班安排**"));
        assertThat(f.ledger.find(NoticeKind.HOLIDAY_NOTICE, "2026-国庆").orElseThrow().late()).isTrue();
        assertNothingSentTwice();
    }

    @Test
    void aNoticeThatExpiredWhileDownIsReportedToTheAdministratorInsteadOfDropped() {
        f = ScheduleFixture.h2(MutableClock.at("2026-09-21T12:00"));
        f.runUntil("2026-09-21T12:00", HALF_HOUR);
        f.clock.set("2026-10-09T10:00");
        f.runUntil("2026-10-09T12:00", HALF_HOUR);

        assertThat(f.sentFor(NoticeKind.HOLIDAY_NOTICE, "2026-国庆")).isEmpty();
        List<OutboundMessage> missed = f.sent().stream().filter(m -> "wangjingli".equals(m.toUser())
                && m.markdown().contains("漏发提醒")).toList();
        assertThat(missed).extracting(OutboundMessage::markdown).anyMatch(t -> t.contains("节前值班通知（2026年国庆）")
                && t.contains("原定 2026-09-28 09:30"));
        assertThat(f.ledger.find(NoticeKind.HOLIDAY_NOTICE, "2026-国庆").orElseThrow().status())
                .isEqualTo(NoticeLedger.Status.MISSED);
        // the quarterly inspection is still within its window: it runs late, with the note
        assertThat(f.sentFor(NoticeKind.QUARTERLY, "2026-Q4")).first()
                .satisfies(m -> assertThat(m.markdown()).startsWith("（补发：原定 2026-10-08 10:30 发送"));
        assertNothingSentTwice();
    }

    @Test
    void year2027UnknownIsReportedToTheAdministratorEveryWeekFromDecember() {
        f = ScheduleFixture.h2(MutableClock.at("2026-11-30T08:00"));
        f.runUntil("2026-12-15T08:00", Duration.ofHours(1));
        List<OutboundMessage> reminders = f.sent().stream().filter(m -> "wangjingli".equals(m.toUser())).toList();
        assertThat(reminders).hasSize(3).allSatisfy(m -> assertThat(m.markdown())
                .contains("请补充 2027 年节假日安排").contains("bot-config/holidays/2027.yaml"));
        assertThat(f.ledger.find(NoticeKind.CALENDAR_MISSING, "2027@2026-W49").orElseThrow().sentAt())
                .isEqualTo(LocalDateTime.parse("2026-12-01T10:00").atZone(f.clock.getZone()).toInstant());
    }

    @Test
    void certificateRemindersAfterAnOutageSendOnlyTheMostUrgentOne() {
        f = ScheduleFixture.h2(MutableClock.at("2027-02-25T12:00"));
        f.runUntil("2027-02-25T12:00", HALF_HOUR);
        f.clock.set("2027-03-26T08:00");
        f.runUntil("2027-04-02T08:00", Duration.ofHours(1));
        List<String> sentOccasions = f.sent().stream().map(OutboundMessage::dedupKey).filter(Objects::nonNull)
                .filter(k -> k.startsWith("notice/ca-expiry/")).map(k -> k.split("/")[2] + "/" + k.split("/")[3])
                .distinct().toList();
        assertThat(sentOccasions).containsExactly("2027-03-31/7d", "2027-03-31/1d");
        assertThat(f.sentFor(NoticeKind.CA_EXPIRY, "2027-03-31/7d")).first().satisfies(m -> assertThat(m.markdown())
                .startsWith("（补发：原定 2027-03-24 09:30").contains("将于 2027-03-31 到期（还有 7 天）"));
        assertThat(f.sent()).noneMatch(m -> m.markdown().contains("漏发提醒") && m.markdown().contains("CA"));
    }

    @Test
    void aFailingRoutineIsRetriedAndTheAdministratorIsToldAfterThreeAttempts() {
        f = ScheduleFixture.h2(MutableClock.at("2026-09-30T09:00"));
        f.inspectorFails.set(true);
        f.runUntil("2026-09-30T12:00", HALF_HOUR);
        assertThat(f.inspections).hasSize(3);
        assertThat(f.ledger.find(NoticeKind.PRE_HOLIDAY, "2026-国庆").orElseThrow().status())
                .isEqualTo(NoticeLedger.Status.FAILED);
        assertThat(f.sent()).filteredOn(m -> "wangjingli".equals(m.toUser())).singleElement()
                .satisfies(m -> assertThat(m.markdown()).contains("节前例行巡检与备份检查（2026年国庆）未能完成")
                        .contains("已尝试 3 次"));
        assertThat(f.sentFor(NoticeKind.PRE_HOLIDAY, "2026-国庆")).isEmpty();
    }

    private void assertNothingSentTwice() {
        List<String> keys = f.sent().stream().map(OutboundMessage::dedupKey).filter(Objects::nonNull).toList();
        assertThat(keys).doesNotHaveDuplicates();
    }
}
