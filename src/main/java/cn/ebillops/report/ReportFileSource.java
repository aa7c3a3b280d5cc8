package cn.ebillops.report;

import cn.ebillops.channel.Attachment;
import cn.ebillops.inspection.InspectionService;
import cn.ebillops.inspection.ReportFiles;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The Word report of a stored inspection as a file for chat: the same document and file name as its
 * download link ({@link InspectionReportController}) serves.
 */
@Component
class ReportFileSource implements ReportFiles {

    static final String INSPECTION_PREFIX = "巡检报告-";

    private final InspectionService inspections;
    private final InspectionReportWriter writer;

    ReportFileSource(InspectionService inspections, InspectionReportWriter writer) {
        this.inspections = inspections;
        this.writer = writer;
    }

    static String inspectionFileName(long runId) {
        return INSPECTION_PREFIX + runId + ".docx";
    }

    @Override
    public Optional<Attachment> inspectionReport(long runId) {
        return inspections.find(runId).map(run -> new Attachment(inspectionFileName(runId),
                writer.write(run, inspections.previous(runId))));
    }
}
