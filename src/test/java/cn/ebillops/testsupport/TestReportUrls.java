package cn.ebillops.testsupport;

import cn.ebillops.inspection.ReportUrls;

/** Unsigned report addresses under {@code base} (…/12.docx, …/12/improvement.docx) for tests without the report module. */
public record TestReportUrls(String base) implements ReportUrls {

    @Override
    public String inspectionReport(long runId) {
        return base + runId + ".docx";
    }

    @Override
    public String improvementReport(long runId) {
        return base + runId + "/improvement.docx";
    }
}
