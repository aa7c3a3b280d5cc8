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

    public AnnualMeetingReminder(AnnualSummarySource summaries, DutyService duty, NoticeGroups groups) {
        this.summaries = summaries;
        this.duty = duty;
        this.groups = groups;
    }

    @Override
    public Set<NoticeKind> kinds() {
        return EnumSet.of(NoticeKind.ANNUAL_MEETING);
    }

    @Override
    public void perform(PlannedNotice notice, Optional<String> lateNote) {
        int year = notice.year();
        StringBuilder sb = new StringBuilder("**").append(year).append(" 年度服务沟通会议**\n");
        sb.append("按运维合同，每年与医院召开一次服务沟通会议，会议时间和形式需与医院商定。请信息科与运维服务商确认时间。\n");
        sb.append(summary(year));
        List<String> mentions = duty.now().manager().map(m -> List.of(m.userId())).orElse(List.of());
        groups.post(notice, sb.toString(), mentions, lateNote);
    }

    String summary(int year) {
        try {
            AnnualSummarySource.AnnualSummary s = summaries.summarize(year);
            return """
                    本年度运行概况（截至今日）：
                    > 故障：%d 起（其中 I/II 级 %d 起）
                    > 响应时限达标率：%s
                    > 系统可用率：%s（合同要求 ≥99%%）
                    > 巡检：%d 次，发现问题 %d 项
                    """.formatted(s.incidents(), s.severeIncidents(), percent(s.responseSlaMetPercent()),
                    percent(s.availabilityPercent()), s.inspections(), s.inspectionProblems());
        } catch (RuntimeException e) {
            log.warn("annual summary failed for {}: {}", year, e.toString());
            return "本年度运行概况：汇总生成失败，请运维服务商手工整理。\n";
        }
    }

    private static String percent(double v) {
        return v < 0 ? "暂无数据" : "%.2f%%".formatted(v);
    }
}
