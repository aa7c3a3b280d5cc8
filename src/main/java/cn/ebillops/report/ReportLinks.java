package cn.ebillops.report;

import cn.ebillops.channel.Reply;
import cn.ebillops.inspection.InspectionProperties;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.schedule.QuarterlyReportSource;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Download links of the quarterly Word reports, for the scheduled quarterly notice. */
@Component
class ReportLinks implements QuarterlyReportSource {

    private final String base;

    ReportLinks(InspectionProperties properties) {
        this.base = properties.reportBaseUrl().replaceAll("/+$", "") + "/api/reports/inspections/";
    }

    @Override
    public Optional<Reply.Link> inspectionReport(InspectionRun run) {
        return Optional.of(new Reply.Link("季度巡检报告（Word）", base + run.id() + ".docx"));
    }

    @Override
    public Optional<Reply.Link> improvementReport(InspectionRun run) {
        return Optional.of(new Reply.Link("改进建议报告（Word）", base + run.id() + "/improvement.docx"));
    }
}
