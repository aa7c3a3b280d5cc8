package cn.ebillops.duty;

import cn.ebillops.config.Person;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Chinese wording shared by duty answers and holiday notices. */
public final class DutyText {

    private DutyText() {
    }

    public static String weekday(DayOfWeek d) {
        return switch (d) {
            case MONDAY -> "周一";
            case TUESDAY -> "周二";
            case WEDNESDAY -> "周三";
            case THURSDAY -> "周四";
            case FRIDAY -> "周五";
            case SATURDAY -> "周六";
            case SUNDAY -> "周日";
        };
    }

    /** "10月1日（周四）". */
    public static String day(LocalDate d) {
        return "%d月%d日（%s）".formatted(d.getMonthValue(), d.getDayOfMonth(), weekday(d.getDayOfWeek()));
    }

    /** "2026年10月1日（周四）". */
    public static String fullDay(LocalDate d) {
        return d.getYear() + "年" + day(d);
    }

    /** "张工（电话 13800138001）" or just the name when no phone is configured. */
    public static String contact(Person p) {
        return p.phone().isBlank() ? p.name() : "%s（电话 %s）".formatted(p.name(), p.phone());
    }

    /** The call order of one assignment, one line each. */
    public static String callOrder(DutyAssignment a) {
        StringBuilder sb = new StringBuilder();
        sb.append("> 值班工程师：").append(contact(a.engineer())).append('\n');
        a.backup().ifPresent(b -> sb.append("> 备岗工程师：").append(contact(b)).append('\n'));
        a.manager().ifPresent(m -> sb.append("> 负责人：").append(contact(m)).append('\n'));
        if (!a.hotline().isBlank()) {
            sb.append("> 值班热线：").append(a.hotline()).append('\n');
        }
        return sb.toString();
    }

    /** The holiday's dates with make-up working days, e.g. "10月1日（周四）至10月7日（周三），共 7 天；调休上班：…". */
    public static String holidaySpan(Holiday h) {
        String span = "%s至%s，共 %d 天".formatted(day(h.firstDay()), day(h.lastDay()), h.days());
        if (h.makeUpWorkdays().isEmpty()) {
            return span;
        }
        return span + "；调休上班：" + h.makeUpWorkdays().stream().map(DutyText::day).collect(Collectors.joining("、"));
    }

    /** The per-day plan of a holiday, consecutive days with the same engineer merged. */
    public static String planLines(List<DutyAssignment> plan) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < plan.size()) {
            int j = i;
            while (j + 1 < plan.size() && plan.get(j + 1).engineer().equals(plan.get(i).engineer())) {
                j++;
            }
            String dates = i == j ? day(plan.get(i).date()) : day(plan.get(i).date()) + "至" + day(plan.get(j).date());
            sb.append("> ").append(dates).append("：").append(contact(plan.get(i).engineer())).append('\n');
            i = j + 1;
        }
        return sb.toString();
    }

    /** Backup, manager and hotline lines common to the whole plan. */
    public static String planFooter(List<DutyAssignment> plan) {
        if (plan.isEmpty()) {
            return "";
        }
        DutyAssignment first = plan.get(0);
        StringBuilder sb = new StringBuilder();
        List<Person> backups = plan.stream().map(DutyAssignment::backup).flatMap(Optional::stream).distinct().toList();
        if (backups.size() == 1) {
            sb.append("备岗工程师：").append(contact(backups.get(0))).append('\n');
        } else if (backups.size() > 1) {
            sb.append("备岗工程师：当天值班以外的另一位（")
                    .append(backups.stream().map(Person::name).collect(Collectors.joining("、"))).append("）\n");
        }
        first.manager().ifPresent(m -> sb.append("负责人：").append(contact(m)).append('\n'));
        if (!first.hotline().isBlank()) {
            sb.append("值班热线：").append(first.hotline()).append('\n');
        }
        return sb.toString();
    }
}
