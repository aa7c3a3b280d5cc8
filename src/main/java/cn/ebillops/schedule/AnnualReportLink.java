package cn.ebillops.schedule;

/**
 * To be implemented by the report module: the signed download link of a year's Word report
 * (incidents and availability per month), for the annual meeting reminder and the yearly /stats.
 */
public interface AnnualReportLink {

    String annualReport(int year);
}
