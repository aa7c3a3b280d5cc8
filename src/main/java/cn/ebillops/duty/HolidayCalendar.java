package cn.ebillops.duty;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The statutory holidays of the years that have a file in bot-config/holidays/. Weekends are
 * days off unless listed as make-up working days; a year without a file is unknown and every
 * question about its days fails with {@link UnknownCalendarYearException} (or an empty Optional).
 */
public final class HolidayCalendar {

    /** Replaced whole, never changed in place, so a question reads one consistent version of every year. */
    private volatile Map<Integer, List<Holiday>> years;

    public HolidayCalendar(Map<Integer, List<Holiday>> years) {
        TreeMap<Integer, List<Holiday>> copy = new TreeMap<>();
        years.forEach((y, hs) -> copy.put(y, sorted(hs)));
        this.years = copy;
    }

    /** Adds or replaces one year (an imported notice, see {@link HolidayImport}); later questions see it at once. */
    synchronized void put(int year, List<Holiday> holidays) {
        TreeMap<Integer, List<Holiday>> copy = new TreeMap<>(years);
        copy.put(year, sorted(holidays));
        years = copy;
    }

    private static List<Holiday> sorted(List<Holiday> holidays) {
        return holidays.stream().sorted(Comparator.comparing(Holiday::firstDay)).toList();
    }

    public Set<Integer> knownYears() {
        return new TreeSet<>(years.keySet());
    }

    public boolean knows(int year) {
        return years.containsKey(year);
    }

    /** Working day or not; empty when the year is unknown. */
    public Optional<Boolean> workingDay(LocalDate date) {
        List<Holiday> hs = years.get(date.getYear());
        if (hs == null) {
            return Optional.empty();
        }
        for (Holiday h : hs) {
            if (h.contains(date)) {
                return Optional.of(false);
            }
            if (h.makeUpWorkdays().contains(date)) {
                return Optional.of(true);
            }
        }
        DayOfWeek d = date.getDayOfWeek();
        return Optional.of(d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY);
    }

    /** @throws UnknownCalendarYearException when the year has no file */
    public boolean isWorkingDay(LocalDate date) {
        return workingDay(date).orElseThrow(() -> new UnknownCalendarYearException(date.getYear()));
    }

    /** True when the date is a make-up working day (a weekend day worked, 调休上班). */
    public boolean isMakeUpWorkday(LocalDate date) {
        return years.getOrDefault(date.getYear(), List.of()).stream()
                .anyMatch(h -> h.makeUpWorkdays().contains(date));
    }

    /** The holiday whose days off include the date (known years only). */
    public Optional<Holiday> holiday(LocalDate date) {
        return years.getOrDefault(date.getYear(), List.of()).stream().filter(h -> h.contains(date)).findFirst();
    }

    /** Holidays (of known years) not yet over on {@code from}, soonest first. */
    public List<Holiday> upcoming(LocalDate from, int limit) {
        return all().stream().filter(h -> !h.lastDay().isBefore(from)).limit(limit).toList();
    }

    /** Holidays whose days off overlap [from, to]. */
    public List<Holiday> between(LocalDate from, LocalDate to) {
        return all().stream().filter(h -> !h.lastDay().isBefore(from) && !h.firstDay().isAfter(to)).toList();
    }

    public List<Holiday> all() {
        return years.values().stream().flatMap(List::stream).toList();
    }

    /** The next holiday (not over on {@code from}) called by this name or alias. */
    public Optional<Holiday> next(String nameOrAlias, LocalDate from) {
        return upcoming(from, Integer.MAX_VALUE).stream().filter(h -> h.isCalled(nameOrAlias)).findFirst();
    }

    /**
     * The last working day before the holiday starts (a make-up Saturday counts).
     * @throws UnknownCalendarYearException when the walk reaches an unknown year
     */
    public LocalDate lastWorkingDayBefore(Holiday holiday) {
        return nthWorkingDayBefore(holiday.firstDay(), 1);
    }

    /** The n-th working day counting back from the day before {@code date} (n=1 → the last one). */
    public LocalDate nthWorkingDayBefore(LocalDate date, int n) {
        LocalDate d = date;
        int found = 0;
        for (int guard = 0; guard < 400; guard++) {
            d = d.minusDays(1);
            if (isWorkingDay(d) && ++found == n) {
                return d;
            }
        }
        throw new IllegalStateException("no working day within 400 days before " + date);
    }

    /** The first working day on or after the date. */
    public LocalDate firstWorkingDayFrom(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}
