package cn.ebillops.inspection;

/**
 * To be implemented by the report module: the addresses at which the Word reports of a stored
 * inspection can be downloaded from a chat message (signed links that expire).
 */
public interface ReportUrls {

    String inspectionReport(long runId);

    /** The improvement report: each suggestion with its priority, owner and deadline. */
    String improvementReport(long runId);
}
