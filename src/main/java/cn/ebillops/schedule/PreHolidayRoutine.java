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
 * inspection and the backup check, summary posted; problems become incidents through the
 * incident module's listener on InspectionCompleted.
 */
@Component
class PreHolidayRoutine implements NoticeHandler {

    private final Inspector inspector;
    private final DutyService duty;
    private final NoticeGroups groups;

    public PreHolidayRoutine(Inspector inspector, DutyService duty, NoticeGroups groups) {
        this.inspector = inspector;
        this.duty = duty;
        this.groups = groups;
    }

    @Override
    public Set<NoticeKind> kinds() {
        return EnumSet.of(NoticeKind.PRE_HOLIDAY);
    }

    @Override
    public void perform(PlannedNotice notice, Optional<String> lateNote) {
        Holiday h = notice.holiday().orElseThrow();
        DutyAssignment now = duty.now();
        StringBuilder sb = new StringBuilder("**节前例行巡检与数据备份检查（").append(h.year()).append("年").append(h.name())
                .append("，").append(DutyText.day(h.firstDay())).append("起放假）**\n");
        InspectionRun run = inspector.run(EnumSet.of(InspectionScope.ALL, InspectionScope.BACKUP),
                "schedule:pre-holiday:" + h.key());
        sb.append(RoutineInspectionPost.of(run));
        sb.append("当前值班工程师：").append(DutyText.contact(now.engineer()));
        groups.post(notice, sb.toString(), List.of(now.engineer().userId()), lateNote);
    }
}
