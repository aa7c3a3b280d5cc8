package cn.ebillops.inspection;

import cn.ebillops.channel.Attachment;
import java.util.Optional;

/**
 * To be implemented by the report module: the Word report of a stored inspection as a file, posted
 * into the chat after the answer that links to it. Empty when there is no such inspection.
 */
@FunctionalInterface
public interface ReportFiles {

    Optional<Attachment> inspectionReport(long runId);
}
