package cn.ebillops.dashboard;

import java.util.List;

/**
 * The JSON of the duty view: one month, days in order. {@code firstWeekday} 1 = Monday … 7 = Sunday (where
 * the grid starts); {@code working} is null when the year has no holiday calendar.
 */
record DutyView(String month, String label, int firstWeekday, boolean calendarKnown, List<Day> days) {

    record Day(String date, int day, int weekday, String engineer, String backup, Boolean working, String holiday,
               boolean makeUp, boolean today) {
    }
}
