package cn.ebillops.schedule;

/**
 * To be implemented by the incident/report modules: the year's figures for the annual service
 * meeting (contract 一.20). A failing summary → the reminder says it must be prepared by hand.
 */
public interface AnnualSummarySource {

    AnnualSummary summarize(int year);

    /**
     * {@code severeIncidents} = fault levels I and II; percentages 0–100, negative when unknown;
     * {@code inspectionProblems} = problems found by inspections.
     */
    record AnnualSummary(int year, long incidents, long severeIncidents, double responseSlaMetPercent,
                         double availabilityPercent, long inspections, long inspectionProblems) {
    }
}
