package cn.ebillops.dashboard;

import java.util.List;
import java.util.Map;

/**
 * The JSON of the inspections view, runs oldest first (the charts' x axis): each run with its counts by
 * status and its Word report; per contract item its worst status in each run (null: the run did not
 * check it); the figures that trend, one series per check and target.
 */
record InspectionsView(List<Run> runs, List<Strip> items, List<Trend> trends) {

    /** {@code counts}: status name (OK, WARN, FAIL, ERROR) → number of results. */
    record Run(long id, long startedAt, String time, String trigger, String overall, String overallLabel,
               Map<String, Integer> counts, String report) {
    }

    /** One row of the heat strip: statuses aligned with {@code runs}. */
    record Strip(String item, String text, List<String> statuses) {
    }

    /** One line chart; {@code line} is the threshold drawn across it (90 % for usage), null for none. */
    record Trend(String title, String unit, Double line, List<Series> series) {
    }

    /** {@code points}: [epoch millis, value] in time order. */
    record Series(String name, List<double[]> points) {
    }
}
