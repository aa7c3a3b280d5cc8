package cn.ebillops.duty;

import java.util.List;

/**
 * The notice text could not be read as a calendar, or its own cross-checks (weekday, day count, make-up days on
 * weekends) disagree. Every problem found is listed, in Chinese, each naming its item, so one answer shows all.
 */
class HolidayNoticeException extends RuntimeException {

    private final List<String> problems;

    HolidayNoticeException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    HolidayNoticeException(String problem) {
        this(List.of(problem));
    }

    List<String> problems() {
        return problems;
    }
}
