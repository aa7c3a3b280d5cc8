package cn.ebillops.schedule;

import cn.ebillops.channel.Reply;
import cn.ebillops.duty.DutyAssignment;
import cn.ebillops.duty.DutyService;
import cn.ebillops.duty.DutyText;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.Inspector;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Contract 一.2–16, 一.10 and 二.3: the quarterly full inspection in the first week of the quarter,
 * with links to its Word report and the improvement-suggestion report, and the Word report as a file.
 */
@Component
class QuarterlyInspection implements NoticeHandler {

    private static final Logger log = LoggerFactory.getLogger(QuarterlyInspection.class);

    private final Inspector inspector;
    private final QuarterlyReportSource reports;
    private final DutyService duty;
    private final NoticeGroups groups;
    private final RoutineReportFile file;

    public QuarterlyInspection(Inspector inspector, QuarterlyReportSource reports,
                               DutyService duty, NoticeGroups groups, RoutineReportFile file) {
        this.inspector = inspector;
        this.reports = reports;
        this.duty = duty;
        this.groups = groups;
        this.file = file;
    }

    @Override
    public Set<NoticeKind> kinds() {
        return EnumSet.of(NoticeKind.QUARTERLY);
    }

    @Override
    public void perform(PlannedNotice notice, Optional<String> lateNote) {
        DutyAssignment now = duty.now();
        StringBuilder sb = new StringBuilder(groups.text("schedule.quarterly.title", "year", notice.year(),
                "quarter", notice.number()));
        InspectionRun run = inspector.run(EnumSet.of(InspectionScope.ALL), "schedule:quarterly:" + notice.occasion());
        sb.append(RoutineInspectionPost.of(run, groups));
        sb.append(reportLines(run));
        sb.append(groups.text("schedule.dutyEngineer", "contact", DutyText.contact(now.engineer(), groups.wording())));
        groups.post(notice, sb.toString(), List.of(now.engineer().userId()), lateNote, file.of(run));
    }

    private String reportLines(InspectionRun run) {
        StringBuilder sb = new StringBuilder();
        sb.append(link(groups.text("schedule.quarterly.inspectionReport"), () -> reports.inspectionReport(run)));
        sb.append(link(groups.text("schedule.quarterly.improvementReport"), () -> reports.improvementReport(run)));
        return sb.toString();
    }

    private String link(String what, java.util.function.Supplier<Optional<Reply.Link>> get) {
        try {
            return get.get().map(l -> groups.text("schedule.quarterly.link", "report", what, "title", l.title(),
                            "url", l.url()))
                    .orElseGet(() -> groups.text("schedule.quarterly.notYet", "report", what));
        } catch (RuntimeException e) {
            log.warn("quarterly report source failed for {}: {}", what, e.toString());
            return groups.text("schedule.quarterly.failed", "report", what);
        }
    }
}
