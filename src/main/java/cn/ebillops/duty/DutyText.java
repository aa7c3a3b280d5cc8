package cn.ebillops.duty;

import cn.ebillops.config.Person;
import cn.ebillops.wording.Wording;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Chinese wording shared by duty answers and holiday notices, from the hospital's {@link Wording}
 * (duty.*); the two entry points without it keep the built-in wording for tests.
 */
public final class DutyText {

    private DutyText() {
    }

    public static String weekday(DayOfWeek d, Wording wording) {
        return switch (d) {
            case MONDAY -> wording.text("duty.weekday.monday");
            case TUESDAY -> wording.text("duty.weekday.tuesday");
            case WEDNESDAY -> wording.text("duty.weekday.wednesday");
            case THURSDAY -> wording.text("duty.weekday.thursday");
            case FRIDAY -> wording.text("duty.weekday.friday");
            case SATURDAY -> wording.text("duty.weekday.saturday");
            case SUNDAY -> wording.text("duty.weekday.sunday");
        };
    }

    /** "10月1日（周四）". */
    public static String day(LocalDate d, Wording wording) {
        return wording.text("duty.text.day", "month", d.getMonthValue(), "dayOfMonth", d.getDayOfMonth(),
                "weekday", weekday(d.getDayOfWeek(), wording));
    }

    /** "2026年10月1日（周四）". */
    public static String fullDay(LocalDate d, Wording wording) {
        return wording.text("duty.text.fullDay", "year", d.getYear(), "day", day(d, wording));
    }

    /** "张工（电话 13800138001）" or just the name when no phone is configured. */
    public static String contact(Person p, Wording wording) {
        return p.phone().isBlank() ? p.name() : wording.text("duty.text.contact", "name", p.name(), "phone", p.phone());
    }

    public static String callOrder(DutyAssignment a) {
        return callOrder(a, Wording.defaults());
    }

    /** The call order of one assignment, one line each. */
    public static String callOrder(DutyAssignment a, Wording wording) {
        StringBuilder sb = new StringBuilder();
        sb.append(wording.text("duty.text.engineer", "contact", contact(a.engineer(), wording)));
        a.backup().ifPresent(b -> sb.append(wording.text("duty.text.backup", "contact", contact(b, wording))));
        a.manager().ifPresent(m -> sb.append(wording.text("duty.text.manager", "contact", contact(m, wording))));
        if (!a.hotline().isBlank()) {
            sb.append(wording.text("duty.text.hotline", "hotline", a.hotline()));
        }
        return sb.toString();
    }

    /** The holiday's dates with make-up working days, e.g. "10月1日（周四）至10月7日（周三），共 7 天；调休上班：…". */
    public static String holidaySpan(Holiday h, Wording wording) {
        String span = wording.text("duty.text.span", "from", day(h.firstDay(), wording), "to", day(h.lastDay(), wording),
                "days", h.days());
        if (h.makeUpWorkdays().isEmpty()) {
            return span;
        }
        return span + wording.text("duty.text.makeUpDays", "days",
                h.makeUpWorkdays().stream().map(d -> day(d, wording)).collect(Collectors.joining("、")));
    }

    /** The per-day plan of a holiday, consecutive days with the same engineer merged. */
    public static String planLines(List<DutyAssignment> plan, Wording wording) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < plan.size()) {
            int j = i;
            while (j + 1 < plan.size() && plan.get(j + 1).engineer().equals(plan.get(i).engineer())) {
                j++;
            }
            String dates = i == j ? day(plan.get(i).date(), wording) : wording.text("duty.text.dateRange",
                    "from", day(plan.get(i).date(), wording), "to", day(plan.get(j).date(), wording));
            sb.append(wording.text("duty.text.planLine", "dates", dates,
                    "contact", contact(plan.get(i).engineer(), wording)));
            i = j + 1;
        }
        return sb.toString();
    }

    public static String planFooter(List<DutyAssignment> plan) {
        return planFooter(plan, Wording.defaults());
    }

    /** Backup, manager and hotline lines common to the whole plan. */
    public static String planFooter(List<DutyAssignment> plan, Wording wording) {
        if (plan.isEmpty()) {
            return "";
        }
        DutyAssignment first = plan.get(0);
        StringBuilder sb = new StringBuilder();
        List<Person> backups = plan.stream().map(DutyAssignment::backup).flatMap(Optional::stream).distinct().toList();
        if (backups.size() == 1) {
            sb.append(wording.text("duty.text.footerBackup", "contact", contact(backups.get(0), wording)));
        } else if (backups.size() > 1) {
            sb.append(wording.text("duty.text.footerBackups",
                    "names", backups.stream().map(Person::name).collect(Collectors.joining("、"))));
        }
        first.manager().ifPresent(m -> sb.append(wording.text("duty.text.footerManager", "contact", contact(m, wording))));
        if (!first.hotline().isBlank()) {
            sb.append(wording.text("duty.text.footerHotline", "hotline", first.hotline()));
        }
        return sb.toString();
    }
}
