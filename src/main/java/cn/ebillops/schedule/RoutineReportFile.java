package cn.ebillops.schedule;

import cn.ebillops.channel.Attachment;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.ReportFiles;
import cn.ebillops.inspection.ReportUrls;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Word report of a scheduled inspection for its group post: the file, posted after the text, and
 * the signed link the text keeps (what the group has when the file cannot be sent).
 */
@Component
class RoutineReportFile {

    private static final Logger log = LoggerFactory.getLogger(RoutineReportFile.class);

    private final ReportFiles files;
    private final ReportUrls urls;

    RoutineReportFile(ReportFiles files, ReportUrls urls) {
        this.files = files;
        this.urls = urls;
    }

    String url(InspectionRun run) {
        return urls.inspectionReport(run.id());
    }

    /** The report as a file; none when it cannot be written (logged), and the post keeps its link. */
    List<Attachment> of(InspectionRun run) {
        try {
            return files.inspectionReport(run.id()).stream().toList();
        } catch (RuntimeException e) {
            log.warn("inspection {}: Word report not attached to the group post, link only: {}", run.id(), e.toString());
            return List.of();
        }
    }
}
