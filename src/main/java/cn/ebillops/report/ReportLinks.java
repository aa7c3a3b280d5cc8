package cn.ebillops.report;

import cn.ebillops.channel.Reply;
import cn.ebillops.inspection.InspectionProperties;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.ReportUrls;
import cn.ebillops.schedule.QuarterlyReportSource;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Download links of the Word reports for chat: the /inspect answer and the scheduled quarterly
 * notice. Each link is signed and expires ({@link ReportLinkSigner}).
 */
@Component
class ReportLinks implements QuarterlyReportSource, ReportUrls {

    static final String INSPECTION = "inspection";
    static final String IMPROVEMENT = "improvement";

    private final String base;
    private final ReportLinkSigner signer;

    ReportLinks(InspectionProperties properties, ReportLinkSigner signer) {
        this.base = properties.reportBaseUrl().replaceAll("/+$", "") + "/api/reports/inspections/";
        this.signer = signer;
    }

    @Override
    public String inspectionReport(long runId) {
        return base + runId + ".docx?" + signer.query(INSPECTION, runId);
    }

    @Override
    public String improvementReport(long runId) {
        return base + runId + "/improvement.docx?" + signer.query(IMPROVEMENT, runId);
    }

    @Override
    public Optional<Reply.Link> inspectionReport(InspectionRun run) {
        return Optional.of(new Reply.Link("季度巡检报告（Word）", inspectionReport(run.id())));
    }

    @Override
    public Optional<Reply.Link> improvementReport(InspectionRun run) {
        return Optional.of(new Reply.Link("改进建议报告（Word）", improvementReport(run.id())));
    }
}
