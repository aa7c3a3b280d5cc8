package cn.ebillops.duty;

import cn.ebillops.channel.Reply;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Answers duty questions in Chinese: who to call now, on a date, this weekend, or during a
 * holiday. For a year without a holiday file it says so and reminds the administrators.
 */
@Component
public class DutyAnswers {

    private final DutyService duty;
    private final CalendarGapReporter gaps;

    public DutyAnswers(DutyService duty, CalendarGapReporter gaps) {
        this.duty = duty;
        this.gaps = gaps;
    }

    /** Free text ("今晚谁值班", "五一值班表", "这周末有工程师值班吗", "/duty 春节"). */
    public Reply answer(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return overview();
        }
        Optional<LocalDate> date = parseDate(t);
        if (date.isPresent()) {
            return onDate(date.get());
        }
        Optional<Reply> holiday = holiday(t);
        if (holiday.isPresent()) {
            return holiday.get();
        }
        if (t.contains("周末") || t.contains("星期六") || t.contains("周六") || t.contains("周日") || t.contains("星期天")
                || t.contains("星期日")) {
            return weekend();
        }
        if (t.contains("明天") || t.contains("明晚")) {
            return onDate(duty.today().plusDays(1));
        }
        if (t.contains("假期") || t.contains("节假日") || t.contains("放假")) {
            return nextHoliday();
        }
        return overview();
    }

    /** Now, plus the next holiday in one line. */
    public Reply overview() {
        DutyAssignment now = duty.now();
        StringBuilder sb = new StringBuilder("**当前值班**（").append(DutyText.day(now.date())).append("班）\n");
        sb.append(DutyText.callOrder(now));
        sb.append("7×24 小时电话/网络支持，30 分钟内响应；紧急故障请直接电话值班工程师。\n");
        LocalDate today = duty.today();
        List<Holiday> next = duty.calendar().upcoming(today, 1);
        if (!next.isEmpty()) {
            Holiday h = next.get(0);
            sb.append("\n下一个假期：**").append(h.name()).append("**，").append(DutyText.holidaySpan(h))
                    .append("。发送 `/duty ").append(h.name()).append("` 查看假期值班表。");
        }
        appendUnknownNextYear(sb, today);
        return Reply.of(sb.toString());
    }

    public Reply onDate(LocalDate date) {
        DutyAssignment a = duty.onDuty(date);
        StringBuilder sb = new StringBuilder("**").append(DutyText.fullDay(date)).append(" 值班**");
        Optional<Boolean> working = duty.calendar().workingDay(date);
        if (working.isEmpty()) {
            sb.append("\n").append(unknownYear(date.getYear()));
        } else {
            duty.calendar().holiday(date).ifPresentOrElse(
                    h -> sb.append("（").append(h.name()).append("假期）"),
                    () -> sb.append(duty.calendar().isMakeUpWorkday(date) ? "（调休上班日）"
                            : working.get() ? "（工作日）" : "（休息日）"));
        }
        sb.append('\n').append(DutyText.callOrder(a));
        return Reply.of(sb.toString());
    }

    /** This week's Saturday and Sunday; a make-up Saturday is said to be a working day. */
    public Reply weekend() {
        LocalDate today = duty.today();
        LocalDate saturday = today.with(DayOfWeek.SATURDAY);
        StringBuilder sb = new StringBuilder("**本周末值班**\n");
        for (LocalDate d : List.of(saturday, saturday.plusDays(1))) {
            DutyAssignment a = duty.onDuty(d);
            sb.append("> ").append(DutyText.day(d)).append("：").append(DutyText.contact(a.engineer()));
            Optional<Boolean> working = duty.calendar().workingDay(d);
            if (working.isEmpty()) {
                sb.append("（").append(d.getYear()).append(" 年节假日安排未配置，无法确认是否调休）");
            } else if (duty.calendar().isMakeUpWorkday(d)) {
                sb.append("（调休上班日，正常上班）");
            } else {
                duty.calendar().holiday(d).ifPresent(h -> sb.append("（").append(h.name()).append("假期）"));
            }
            sb.append('\n');
        }
        DutyAssignment sat = duty.onDuty(saturday);
        sat.backup().ifPresent(b -> sb.append("备岗工程师：").append(DutyText.contact(b)).append('\n'));
        sat.manager().ifPresent(m -> sb.append("负责人：").append(DutyText.contact(m)).append('\n'));
        if (!sat.hotline().isBlank()) {
            sb.append("值班热线：").append(sat.hotline()).append('\n');
        }
        sb.append("周末有工程师远程值守（7×24 小时），出现故障请在群里描述或直接电话值班工程师。");
        return Reply.of(sb.toString());
    }

    public Reply nextHoliday() {
        List<Holiday> next = duty.calendar().upcoming(duty.today(), 1);
        if (next.isEmpty()) {
            int year = nextUnknownYear(duty.today());
            return Reply.of(unknownYearAndRemind(year, "假期值班表"));
        }
        return plan(next.get(0));
    }

    /** The plan of the holiday named in the text, when the text names one. */
    public Optional<Reply> holiday(String text) {
        LocalDate today = duty.today();
        Optional<Holiday> h = duty.calendar().upcoming(today, Integer.MAX_VALUE).stream()
                .filter(x -> x.mentionedIn(text)).findFirst();
        if (h.isPresent()) {
            return Optional.of(plan(h.get()));
        }
        // A holiday known from an earlier year but not (yet) in the calendar ahead: say the year is unknown.
        Optional<Holiday> pastNamed = duty.calendar().all().stream().filter(x -> x.mentionedIn(text)).findFirst();
        if (pastNamed.isPresent()) {
            int year = nextUnknownYear(today);
            return Optional.of(Reply.of(unknownYearAndRemind(year, pastNamed.get().name() + "值班表")));
        }
        return Optional.empty();
    }

    public Reply plan(Holiday h) {
        List<DutyAssignment> plan = duty.plan(h);
        StringBuilder sb = new StringBuilder("**").append(h.year()).append("年").append(h.name()).append("假期值班安排**\n");
        sb.append("放假：").append(DutyText.holidaySpan(h)).append('\n');
        sb.append(DutyText.planLines(plan));
        sb.append(DutyText.planFooter(plan));
        sb.append("假期内工程师远程值守，出现故障请在群里描述问题，紧急情况直接电话值班工程师。");
        return Reply.of(sb.toString());
    }

    private void appendUnknownNextYear(StringBuilder sb, LocalDate today) {
        if (!duty.calendar().knows(today.getYear())) {
            boolean reminded = gaps.report(today.getYear());
            sb.append("\n\n注意：").append(unknownYear(today.getYear()))
                    .append(reminded ? "已提醒管理员补充。" : "管理员已收到补充提醒。");
            return;
        }
        int next = today.getYear() + 1;
        if (today.getMonthValue() >= 11 && !duty.calendar().knows(next)) {
            sb.append("\n\n注意：").append(unknownYear(next));
        }
    }

    private int nextUnknownYear(LocalDate today) {
        int y = today.getYear();
        while (duty.calendar().knows(y)) {
            y++;
        }
        return y;
    }

    private String unknownYearAndRemind(int year, String what) {
        boolean reminded = gaps.report(year);
        return unknownYear(year) + "暂时无法给出" + what + "（助手不会猜测放假和调休日期）。"
                + (reminded ? "已提醒管理员补充。" : "管理员已收到补充提醒。")
                + "\n当前值班请发送 /duty 查询。";
    }

    private static String unknownYear(int year) {
        return "%d 年的节假日安排尚未配置（国务院通知一般在 11 月发布，需管理员添加 bot-config/holidays/%d.yaml）。"
                .formatted(year, year);
    }

    private static Optional<LocalDate> parseDate(String t) {
        String s = t.trim();
        if (!s.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
            return Optional.empty();
        }
        String[] p = s.split("-");
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
