package cn.ebillops.schedule;

import cn.ebillops.duty.Holiday;
import cn.ebillops.duty.HolidayCalendar;
import cn.ebillops.duty.UnknownCalendarYearException;
import cn.ebillops.wording.Wording;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Computes the calendar's notice occasions from the holiday calendar and the settings. Pure
 * computation (no sending, no database): the same input always gives the same plan, which is
 * what lets several instances agree on the keys of the notice table.
 */
@Component
class NoticePlanner {

    private static final Logger log = LoggerFactory.getLogger(NoticePlanner.class);

    private final HolidayCalendar calendar;
    private final ScheduleSettings settings;
    private final CertificateExpirySource certificates;
    private final Wording wording;
    private final ZoneId zone;

    public NoticePlanner(HolidayCalendar calendar, ScheduleSettings settings,
                         CertificateExpirySource certificates, Wording wording, Clock clock) {
        this.calendar = calendar;
        this.settings = settings;
        this.certificates = certificates;
        this.wording = wording;
        this.zone = clock.getZone();
    }

    /** Every occasion whose due day lies in [from, to], by due time. */
    public List<PlannedNotice> dueBetween(LocalDate from, LocalDate to) {
        List<PlannedNotice> out = new ArrayList<>();
        holidays(from, to, out);
        quarters(from, to, out);
        annualMeetings(from, to, out);
        certificate(out);
        calendarGaps(from, to, out);
        return out.stream()
                .filter(n -> !day(n.dueAt()).isBefore(from) && !day(n.dueAt()).isAfter(to))
                .sorted(Comparator.comparing(PlannedNotice::dueAt).thenComparing(PlannedNotice::key))
                .toList();
    }

    private void holidays(LocalDate from, LocalDate to, List<PlannedNotice> out) {
        // Notices precede their holiday by a few working days (more around long breaks).
        for (Holiday h : calendar.between(from, to.plusDays(45))) {
            Instant expires = at(h.lastDay().plusDays(1), LocalTime.MIDNIGHT);
            try {
                LocalDate last = calendar.lastWorkingDayBefore(h);
                LocalDate first = calendar.nthWorkingDayBefore(h.firstDay(), settings.daysBefore());
                out.add(PlannedNotice.forHoliday(NoticeKind.HOLIDAY_NOTICE, h, at(first, settings.noticeTime()), expires,
                        wording.text("schedule.title.holidayNotice", "year", h.year(), "holiday", h.name())));
                out.add(PlannedNotice.forHoliday(NoticeKind.HOLIDAY_EVE, h, at(last, settings.eveTime()), expires,
                        wording.text("schedule.title.holidayEve", "year", h.year(), "holiday", h.name())));
                out.add(PlannedNotice.forHoliday(NoticeKind.PRE_HOLIDAY, h, at(last, settings.routineTime()), expires,
                        wording.text("schedule.title.preHoliday", "year", h.year(), "holiday", h.name())));
            } catch (UnknownCalendarYearException e) {
                log.warn("cannot plan notices for {}: year {} has no holiday file", h.key(), e.year());
            }
        }
    }

    private void quarters(LocalDate from, LocalDate to, List<PlannedNotice> out) {
        LocalDate q = quarterStart(from);
        while (!q.isAfter(to)) {
            int quarter = q.get(IsoFields.QUARTER_OF_YEAR);
            Instant due = at(firstWorkingDay(q), settings.quarterlyTime());
            out.add(new PlannedNotice(NoticeKind.QUARTERLY, q.getYear() + "-Q" + quarter, due, due.plus(
                    java.time.Duration.ofDays(30)), wording.text("schedule.title.quarterly", "year", q.getYear(),
                    "quarter", quarter), Optional.empty(), q.getYear(), quarter, Optional.empty()));
            q = q.plusMonths(3);
        }
    }

    private void annualMeetings(LocalDate from, LocalDate to, List<PlannedNotice> out) {
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            LocalDate month = LocalDate.of(y, settings.annualMeetingMonth(), 1);
            Instant due = at(firstWorkingDay(month), settings.noticeTime());
            out.add(new PlannedNotice(NoticeKind.ANNUAL_MEETING, String.valueOf(y), due,
                    at(month.plusMonths(1), LocalTime.MIDNIGHT),
                    wording.text("schedule.title.annualMeeting", "year", y), Optional.empty(), y, 0,
                    Optional.empty()));
        }
    }

    private void certificate(List<PlannedNotice> out) {
        Optional<CertificateExpirySource.CertificateExpiry> cert = caCertificate();
        if (cert.isEmpty()) {
            return;
        }
        LocalDate notAfter = cert.get().notAfter();
        for (int d : settings.caRemindDays()) {
            Instant due = at(notAfter.minusDays(d), settings.noticeTime());
            out.add(new PlannedNotice(NoticeKind.CA_EXPIRY, notAfter + "/" + d + "d", due,
                    at(notAfter.plusDays(1), LocalTime.MIDNIGHT),
                    wording.text("schedule.title.caExpiry", "certificate", cert.get().name(), "notAfter", notAfter,
                            "days", d), Optional.empty(),
                    notAfter.getYear(), d, Optional.of(notAfter)));
        }
    }

    /** Weekly reminders while this year's file is missing, or next year's after calendarReminderFrom. */
    private void calendarGaps(LocalDate from, LocalDate to, List<PlannedNotice> out) {
        for (int y = from.getYear(); y <= to.getYear() + 1; y++) {
            if (calendar.knows(y)) {
                continue;
            }
            LocalDate start = settings.calendarReminderFrom().atYear(y - 1);
            for (LocalDate week = from.with(DayOfWeek.MONDAY); !week.isAfter(to); week = week.plusWeeks(1)) {
                LocalDate dueDay = week.isBefore(start) ? start : week;
                if (dueDay.isAfter(week.plusDays(6)) || dueDay.getYear() > y) {
                    continue;
                }
                String occasion = "%d@%d-W%02d".formatted(y, week.get(IsoFields.WEEK_BASED_YEAR),
                        week.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                Instant due = at(dueDay, settings.noticeTime());
                out.add(new PlannedNotice(NoticeKind.CALENDAR_MISSING, occasion, due, at(week.plusWeeks(1),
                        LocalTime.MIDNIGHT), wording.text("schedule.title.calendarMissing", "year", y),
                        Optional.empty(), y, 0, Optional.empty()));
            }
        }
    }

    /** The configured or read CA certificate (a reading wins over the file). */
    public Optional<CertificateExpirySource.CertificateExpiry> caCertificate() {
        try {
            Optional<CertificateExpirySource.CertificateExpiry> read = certificates.caCertificate();
            if (read.isPresent()) {
                return read;
            }
        } catch (RuntimeException e) {
            log.warn("certificate expiry source failed, using bot-config: {}", e.toString());
        }
        return settings.caNotAfter().map(d -> new CertificateExpirySource.CertificateExpiry(settings.caName(), d,
                "bot-config/duty.yaml"));
    }

    /**
     * First working day on or after the date. In a year without a holiday file (scheduling only;
     * nobody is told the day is a working day) the first Monday–Friday that is not 1 January.
     */
    private LocalDate firstWorkingDay(LocalDate date) {
        try {
            return calendar.firstWorkingDayFrom(date);
        } catch (UnknownCalendarYearException e) {
            LocalDate d = date;
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY
                    || d.getDayOfYear() == 1) {
                d = d.plusDays(1);
            }
            return d;
        }
    }

    private static LocalDate quarterStart(LocalDate d) {
        return LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
    }

    private Instant at(LocalDate d, LocalTime t) {
        return d.atTime(t).atZone(zone).toInstant();
    }

    private LocalDate day(Instant i) {
        return i.atZone(zone).toLocalDate();
    }

    public ZoneId zone() {
        return zone;
    }
}
