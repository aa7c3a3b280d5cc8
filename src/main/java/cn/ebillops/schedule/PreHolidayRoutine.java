package cn.ebillops.schedule;

import cn.ebillops.duty.DutyAssignment;
import cn.ebillops.duty.DutyService;
import cn.ebillops.duty.DutyText;
import cn.ebillops.duty.Holiday;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.Inspector;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Contract 一.19: on the last working day before a holiday (a make-up Saturday counts) the full
 * inspection and the backup check, summary posted with the Word report (link and file); problems become incidents through the
 * incident module's listener on InspectionCompleted.
 */
@Component
class PreHolidayRoutine implements NoticeHandler {

    private final Inspector inspector;
    private final DutyService duty;
    private final NoticeGroups groups;
    private final RoutineReportFile file;

    public PreHolidayRoutine(Inspector inspector, DutyService duty, NoticeGroups groups, RoutineReportFile file) {
        this.inspector = inspector;
        this.duty = duty;
        this.groups = groups;
        this.file = file;
    }

    @Override
    public Set<NoticeKind> kinds() {
        return EnumSet.of(NoticeKind.PRE_HOLIDAY);
    }

    @Override
    public void perform(PlannedNotice notice, Optional<String> lateNote) {
        Holiday h = notice.holiday().orElseThrow();
        DutyAssignment now = duty.now();
        StringBuilder sb = new StringBuilder(groups.text("schedule.preHoliday.title", "year", h.year(),
                "holiday", h.name(), "day", DutyText.day(h.firstDay(), groups.wording())));
        InspectionRun run = inspector.run(EnumSet.of(InspectionScope.ALL, InspectionScope.BACKUP),
                "schedule:pre-holiday:" + h.key());
        sb.append(RoutineInspectionPost.of(run, groups));
        sb.append(groups.text("schedule.preHoliday.report", "url", file.url(run)));
        sb.append(groups.text("schedule.dutyEngineer", "contact", DutyText.contact(now.engineer(), groups.wording())));
        groups.post(notice, sb.toString(), List.of(now.engineer().userId()), lateNote, file.of(run));
    }
}
