package cn.ebillops.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A month, quarter or year in Beijing time: [from, to). Parsed from "2026-11", "2026Q4", "2026". */
public record ReportPeriod(String label, LocalDate firstDay, LocalDate endExclusive, ZoneId zone) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})\\s*[Qq]([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public Instant from() {
        return firstDay.atStartOfDay(zone).toInstant();
    }

    public Instant to() {
        return endExclusive.atStartOfDay(zone).toInstant();
    }

    /** A whole calendar year (it has an annual report). */
    public boolean isYear() {
        return firstDay.getDayOfYear() == 1 && endExclusive.equals(firstDay.plusYears(1));
    }

    public static ReportPeriod month(YearMonth m, ZoneId zone) {
        return new ReportPeriod("%d年%d月".formatted(m.getYear(), m.getMonthValue()), m.atDay(1),
                m.plusMonths(1).atDay(1), zone);
    }

    public static ReportPeriod quarter(int year, int q, ZoneId zone) {
        LocalDate first = LocalDate.of(year, (q - 1) * 3 + 1, 1);
        return new ReportPeriod("%d年第%d季度".formatted(year, q), first, first.plusMonths(3), zone);
    }

    public static ReportPeriod year(int year, ZoneId zone) {
        LocalDate first = LocalDate.of(year, 1, 1);
        return new ReportPeriod(year + "年", first, first.plusYears(1), zone);
    }

    public static ReportPeriod currentMonth(Clock clock) {
        return month(YearMonth.now(clock), clock.getZone());
    }

    public static ReportPeriod currentQuarter(Clock clock) {
        LocalDate today = LocalDate.now(clock);
        return quarter(today.getYear(), (today.getMonthValue() - 1) / 3 + 1, clock.getZone());
    }

    public static ReportPeriod currentYear(Clock clock) {
        return year(LocalDate.now(clock).getYear(), clock.getZone());
    }

    public static Optional<ReportPeriod> parse(String text, ZoneId zone) {
        String t = text == null ? "" : text.strip();
        Matcher m = QUARTER.matcher(t);
        if (m.matches()) {
            return Optional.of(quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), zone));
        }
        m = MONTH.matcher(t);
        if (m.matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 12) {
            return Optional.of(month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))), zone));
        }
        m = YEAR.matcher(t);
        if (m.matches()) {
            return Optional.of(year(Integer.parseInt(m.group(1)), zone));
        }
        return Optional.empty();
    }
}
