package cn.ebillops.duty;

/**
 * The holiday calendar has no file for a year. The assistant never guesses which days are off
 * (a make-up Saturday is a working day), so callers must say so instead.
 */
public class UnknownCalendarYearException extends RuntimeException {

    private final int year;

    public UnknownCalendarYearException(int year) {
        super("%d 年的节假日安排尚未配置（缺少 bot-config/holidays/%d.yaml），无法判断工作日与放假日。".formatted(year, year));
        this.year = year;
    }

    public int year() {
        return year;
    }
}
