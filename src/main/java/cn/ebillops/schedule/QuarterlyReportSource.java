package cn.ebillops.schedule;

import cn.ebillops.channel.Reply;
import cn.ebillops.inspection.InspectionRun;
import java.util.Optional;

/**
 * To be implemented by the report module: the Word documents of a quarterly inspection (contract
 * items 一.2–16 and 二.3) and the improvement report (一.10). An empty link → the notice says that
 * report must be submitted by hand.
 */
public interface QuarterlyReportSource {

    /** The Word inspection report of this run (download link). */
    Optional<Reply.Link> inspectionReport(InspectionRun run);

    /** The improvement-suggestion report based on this run (download link). */
    Optional<Reply.Link> improvementReport(InspectionRun run);
}
