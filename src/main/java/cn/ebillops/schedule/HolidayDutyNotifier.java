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
        String title = notice.kind() == NoticeKind.HOLIDAY_EVE
                ? groups.text("schedule.holiday.eveTitle", "holiday", h.name(),
                        "day", DutyText.day(h.firstDay(), groups.wording()))
                : groups.text("schedule.holiday.title", "year", h.year(), "holiday", h.name());
        String text = groups.text("schedule.holiday.plan", "title", title,
                "span", DutyText.holidaySpan(h, groups.wording()), "lines", DutyText.planLines(plan, groups.wording()),
                "footer", DutyText.planFooter(plan, groups.wording()));
        groups.post(notice, text, engineers.stream().map(Person::userId).toList(), lateNote);
    }
}
