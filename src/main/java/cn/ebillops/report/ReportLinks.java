package cn.ebillops.report;

import cn.ebillops.channel.Reply;
import cn.ebillops.inspection.InspectionProperties;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.ReportUrls;
import cn.ebillops.schedule.AnnualReportLink;
import cn.ebillops.schedule.QuarterlyReportSource;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Download links of the Word reports for chat: the /inspect answer, the scheduled quarterly
 * notice, the yearly /stats and the annual meeting reminder. Each link is signed and expires
 * ({@link ReportLinkSigner}).
 */
@Component
class ReportLinks implements QuarterlyReportSource, ReportUrls, AnnualReportLink {

    static final String INSPECTION = "inspection";
    static final String IMPROVEMENT = "improvement";
    static final String ANNUAL = "annual";

    private final String root;
    private final String base;
    private final ReportLinkSigner signer;

    ReportLinks(InspectionProperties properties, ReportLinkSigner signer) {
        this.root = properties.reportBaseUrl().replaceAll("/+$", "") + "/api/reports/";
        this.base = root + "inspections/";
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

    /** The year is what is signed, so a link for 2026 opens no other year. */
    @Override
    public String annualReport(int year) {
        return root + "annual/" + year + ".docx?" + signer.query(ANNUAL, year);
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
