package cn.ebillops.duty;

import java.util.List;

/**
 * One year's holidays as read from the State Council's notice ({@code title} is the notice's own, kept as the
 * file's {@code source}), in the same terms as bot-config/holidays/YYYY.yaml.
 */
record HolidayNotice(int year, String title, List<Holiday> holidays) {

    HolidayNotice {
        holidays = List.copyOf(holidays);
    }
}
