package cn.ebillops.inspection;

/**
 * To be implemented by the report module: the address at which the Word report of a stored
 * inspection can be downloaded from a chat message (a signed link that expires).
 */
@FunctionalInterface
public interface ReportUrls {

    String inspectionReport(long runId);
}
