package cn.ebillops.schedule;

import cn.ebillops.duty.DutyService;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Contract 一.20: once a year, remind to agree the service meeting with the hospital, with the year's figures. */
@Component
class AnnualMeetingReminder implements NoticeHandler {

    private static final Logger log = LoggerFactory.getLogger(AnnualMeetingReminder.class);

    private final AnnualSummarySource summaries;
    private final DutyService duty;
    private final NoticeGroups groups;
    private final AnnualReportLink report;

    public AnnualMeetingReminder(AnnualSummarySource summaries, DutyService duty, NoticeGroups groups,
                                 AnnualReportLink report) {
        this.summaries = summaries;
        this.duty = duty;
        this.groups = groups;
        this.report = report;
    }

    @Override
    public Set<NoticeKind> kinds() {
        return EnumSet.of(NoticeKind.ANNUAL_MEETING);
    }

    @Override
    public void perform(PlannedNotice notice, Optional<String> lateNote) {
        int year = notice.year();
        String text = groups.text("schedule.annual.meeting", "year", year, "summary", summary(year)) + reportLine(year);
        List<String> mentions = duty.now().manager().map(m -> List.of(m.userId())).orElse(List.of());
        groups.post(notice, text, mentions, lateNote);
    }

    String summary(int year) {
        try {
            AnnualSummarySource.AnnualSummary s = summaries.summarize(year);
            return groups.text("schedule.annual.summary", "incidents", s.incidents(), "severe", s.severeIncidents(),
                    "responseMet", percent(s.responseSlaMetPercent()), "availability", percent(s.availabilityPercent()),
                    "inspections", s.inspections(), "problems", s.inspectionProblems());
        } catch (RuntimeException e) {
            log.warn("annual summary failed for {}: {}", year, e.toString());
            return groups.text("schedule.annual.failed");
        }
    }

    /** The year's Word report for the meeting; without it the reminder still goes out, saying so. */
    String reportLine(int year) {
        try {
            return groups.text("schedule.annual.report", "year", year, "url", report.annualReport(year));
        } catch (RuntimeException e) {
            log.warn("annual report link failed for {}: {}", year, e.toString());
            return groups.text("schedule.annual.reportFailed");
        }
    }

    private String percent(double v) {
        return v < 0 ? groups.text("schedule.annual.noData") : "%.2f%%".formatted(v);
    }
}
