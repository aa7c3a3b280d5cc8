package cn.ebillops.schedule;

import cn.ebillops.config.Person;
import cn.ebillops.duty.DutyAssignment;
import cn.ebillops.duty.DutyService;
import cn.ebillops.duty.DutyText;
import cn.ebillops.duty.Holiday;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Contract 一.19: tells the departments the holiday duty plan before the holiday, and again on its eve. */
@Component
class HolidayDutyNotifier implements NoticeHandler {

    private final DutyService duty;
    private final NoticeGroups groups;

    public HolidayDutyNotifier(DutyService duty, NoticeGroups groups) {
        this.duty = duty;
        this.groups = groups;
    }

    @Override
    public Set<NoticeKind> kinds() {
        return EnumSet.of(NoticeKind.HOLIDAY_NOTICE, NoticeKind.HOLIDAY_EVE);
    }

    @Override
    public void perform(PlannedNotice notice, Optional<String> lateNote) {
        Holiday h = notice.holiday().orElseThrow();
        List<DutyAssignment> plan = duty.plan(h);
        List<Person> engineers = duty.engineersDuring(h);
        StringBuilder sb = new StringBuilder();
        if (notice.kind() == NoticeKind.HOLIDAY_EVE) {
            sb.append("**").append(h.name()).append("假期 ").append(DutyText.day(h.firstDay()))
                    .append("起，值班安排提醒**\n");
        } else {
            sb.append("**").append(h.year()).append("年").append(h.name()).append("假期值班安排**\n");
        }
        sb.append("放假：").append(DutyText.holidaySpan(h)).append('\n');
        sb.append(DutyText.planLines(plan));
        sb.append(DutyText.planFooter(plan));
        sb.append("假期内工程师远程值守（7×24 小时，30 分钟内响应）。出现故障请在群里描述问题（如“开票失败”），紧急情况直接电话值班工程师。");
        groups.post(notice, sb.toString(), engineers.stream().map(Person::userId).toList(), lateNote);
    }
}
