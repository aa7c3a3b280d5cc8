package cn.ebillops.duty;

import cn.ebillops.assistant.nlu.Entities;
import cn.ebillops.assistant.nlu.Entities.DateMention;
import cn.ebillops.assistant.nlu.Entities.FestivalMention;
import cn.ebillops.assistant.nlu.Entities.HolidayMention;
import cn.ebillops.assistant.nlu.EntityExtractor;
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
class DutyAnswers {

    private final DutyService duty;
    private final CalendarGapReporter gaps;

    public DutyAnswers(DutyService duty, CalendarGapReporter gaps) {
        this.duty = duty;
        this.gaps = gaps;
    }

    /**
     * What the message asks about, as {@link EntityExtractor} read it ("今晚谁值班", "2026年国庆",
     * "10月1号", "圣诞节", "这周末", "/duty 春节"). A named day wins over a holiday; a day the
     * assistant cannot tie to a date is said so, never answered with another day.
     */
    public Reply answer(Entities e) {
        if (e.date().isPresent()) {
            DateMention d = e.date().get();
            // "今天/今晚" is the duty now, which before the handover is still yesterday's engineer
            return d.relative() && d.date().equals(duty.today()) ? overview() : onDate(d.date());
        }
        if (e.festival().isPresent()) {
            return festival(e.festival().get());
        }
        if (e.holiday().isPresent()) {
            return holiday(e.holiday().get(), e.lookingBack());
        }
        if (e.unresolvedDay().isPresent()) {
            return Reply.of("无法确定“%s”指哪一天，请写明日期，例如“10月1日谁值班”或 `/duty 2026-10-01`。\n\n以下是今天的值班：\n"
                    .formatted(e.unresolvedDay().get()) + overview().markdown());
        }
        if (e.weekend().isPresent()) {
            return weekend(e.weekend().get());
        }
        return e.anyHoliday() ? nextHoliday() : overview();
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
        sb.append('\n');
        if (date.isBefore(duty.today())) {
            sb.append("该日已过去，以下是当时的值班安排。\n");
        }
        sb.append(DutyText.callOrder(a));
        return Reply.of(sb.toString());
    }

    /** A festival that is not a statutory holiday: that day's ordinary duty, when it has a Gregorian date. */
    Reply festival(FestivalMention f) {
        String head = "“%s”不是法定节假日，没有单独的假期值班安排".formatted(f.name());
        return f.date().map(d -> Reply.of(head + "，当天按日常轮值：\n\n" + onDate(d).markdown()))
                .orElseGet(() -> Reply.of(head + "；它的公历日期每年不同，助手无法确定是哪一天，请写明日期（例如 `/duty 2026-10-01`）。"
                        + "\n\n以下是今天的值班：\n" + overview().markdown()));
    }

    /** The weekend starting on the Saturday given; a make-up Saturday is said to be a working day. */
    public Reply weekend(LocalDate saturday) {
        boolean thisWeek = saturday.equals(duty.today().with(DayOfWeek.SATURDAY));
        StringBuilder sb = new StringBuilder("**").append(thisWeek ? "本周末" : DutyText.fullDay(saturday) + "起的周末")
                .append("值班**\n");
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

    /**
     * The plan of the holiday named: of the year given (said to be over when it is), else the next
     * one, or the latest one when the message looks back ("上次国庆谁值的班"). Never another year's.
     */
    Reply holiday(HolidayMention named, boolean lookingBack) {
        LocalDate today = duty.today();
        String word = named.word();
        if (named.year().isPresent()) {
            int year = named.year().getAsInt();
            if (!duty.calendar().knows(year)) {
                return Reply.of(year < today.getYear()
                        ? unknownYear(year) + "无法给出当年的" + word + "值班表（助手不会猜测放假日期）。"
                        : unknownYearAndRemind(year, year + "年" + word + "值班表"));
            }
            return duty.calendar().all().stream().filter(h -> h.year() == year && h.isCalled(word)).findFirst()
                    .map(this::plan).orElseGet(() -> Reply.of("%d 年的节假日安排里没有“%s”。".formatted(year, word)));
        }
        if (lookingBack) {
            Optional<Holiday> last = duty.calendar().all().stream()
                    .filter(h -> h.isCalled(word) && !h.firstDay().isAfter(today)).reduce((a, b) -> b);
            if (last.isPresent()) {
                return plan(last.get());
            }
        }
        return duty.calendar().next(word, today).map(this::plan)
                // named in an earlier year but not (yet) in the calendar ahead: the year is unknown
                .orElseGet(() -> Reply.of(unknownYearAndRemind(nextUnknownYear(today), word + "值班表")));
    }

    public Reply plan(Holiday h) {
        List<DutyAssignment> plan = duty.plan(h);
        StringBuilder sb = new StringBuilder("**").append(h.year()).append("年").append(h.name()).append("假期值班安排**");
        if (h.lastDay().isBefore(duty.today())) {
            sb.append("（已过去）\n以下是当时的值班安排。");
        }
        sb.append('\n');
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
}
