package cn.ebillops.duty;

import cn.ebillops.assistant.nlu.Entities;
import cn.ebillops.assistant.nlu.Entities.DateMention;
import cn.ebillops.assistant.nlu.Entities.FestivalMention;
import cn.ebillops.assistant.nlu.Entities.HolidayMention;
import cn.ebillops.assistant.nlu.EntityExtractor;
import cn.ebillops.channel.Reply;
import cn.ebillops.wording.Wording;
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
    private final Wording wording;

    public DutyAnswers(DutyService duty, CalendarGapReporter gaps, Wording wording) {
        this.duty = duty;
        this.gaps = gaps;
        this.wording = wording;
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
            return Reply.of(wording.text("duty.unresolvedDay", "day", e.unresolvedDay().get(),
                    "today", overview().markdown()));
        }
        if (e.weekend().isPresent()) {
            return weekend(e.weekend().get());
        }
        return e.anyHoliday() ? nextHoliday() : overview();
    }

    /** Now, plus the next holiday in one line. */
    public Reply overview() {
        DutyAssignment now = duty.now();
        StringBuilder sb = new StringBuilder(wording.text("duty.now", "day", DutyText.day(now.date(), wording),
                "callOrder", DutyText.callOrder(now, wording)));
        LocalDate today = duty.today();
        List<Holiday> next = duty.calendar().upcoming(today, 1);
        if (!next.isEmpty()) {
            Holiday h = next.get(0);
            sb.append(wording.text("duty.nextHoliday", "holiday", h.name(), "span", DutyText.holidaySpan(h, wording)));
        }
        appendUnknownNextYear(sb, today);
        return Reply.of(sb.toString());
    }

    public Reply onDate(LocalDate date) {
        DutyAssignment a = duty.onDuty(date);
        Optional<Boolean> working = duty.calendar().workingDay(date);
        String kind = working.isEmpty() ? wording.text("duty.day.unknownYear", "unknownYear", unknownYear(date.getYear()))
                : duty.calendar().holiday(date).map(h -> wording.text("duty.day.holiday", "holiday", h.name()))
                        .orElseGet(() -> wording.text(duty.calendar().isMakeUpWorkday(date) ? "duty.day.makeUp"
                                : working.get() ? "duty.day.workday" : "duty.day.rest"));
        return Reply.of(wording.text("duty.onDate", "day", DutyText.fullDay(date, wording), "kind", kind,
                "past", date.isBefore(duty.today()) ? wording.text("duty.day.past") : "",
                "callOrder", DutyText.callOrder(a, wording)));
    }

    /** A festival that is not a statutory holiday: that day's ordinary duty, when it has a Gregorian date. */
    Reply festival(FestivalMention f) {
        return f.date().map(d -> Reply.of(wording.text("duty.festival.onDate", "name", f.name(),
                        "duty", onDate(d).markdown())))
                .orElseGet(() -> Reply.of(wording.text("duty.festival.noDate", "name", f.name(),
                        "today", overview().markdown())));
    }

    /** The weekend starting on the Saturday given; a make-up Saturday is said to be a working day. */
    public Reply weekend(LocalDate saturday) {
        boolean thisWeek = saturday.equals(duty.today().with(DayOfWeek.SATURDAY));
        StringBuilder sb = new StringBuilder(wording.text("duty.weekend.title", "when", thisWeek
                ? wording.text("duty.weekend.thisWeek")
                : wording.text("duty.weekend.from", "day", DutyText.fullDay(saturday, wording))));
        for (LocalDate d : List.of(saturday, saturday.plusDays(1))) {
            DutyAssignment a = duty.onDuty(d);
            Optional<Boolean> working = duty.calendar().workingDay(d);
            String note = working.isEmpty() ? wording.text("duty.weekend.unknownYear", "year", d.getYear())
                    : duty.calendar().isMakeUpWorkday(d) ? wording.text("duty.weekend.makeUp")
                    : duty.calendar().holiday(d).map(h -> wording.text("duty.day.holiday", "holiday", h.name())).orElse("");
            sb.append(wording.text("duty.weekend.day", "day", DutyText.day(d, wording),
                    "engineer", DutyText.contact(a.engineer(), wording),
                    "note", note));
        }
        DutyAssignment sat = duty.onDuty(saturday);
        sat.backup().ifPresent(b -> sb.append(wording.text("duty.weekend.backup",
                "contact", DutyText.contact(b, wording))));
        sat.manager().ifPresent(m -> sb.append(wording.text("duty.weekend.manager",
                "contact", DutyText.contact(m, wording))));
        if (!sat.hotline().isBlank()) {
            sb.append(wording.text("duty.weekend.hotline", "hotline", sat.hotline()));
        }
        sb.append(wording.text("duty.weekend.footer"));
        return Reply.of(sb.toString());
    }

    public Reply nextHoliday() {
        List<Holiday> next = duty.calendar().upcoming(duty.today(), 1);
        if (next.isEmpty()) {
            int year = nextUnknownYear(duty.today());
            return Reply.of(unknownYearAndRemind(year, wording.text("duty.what.anyHoliday")));
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
                        ? wording.text("duty.pastYearUnknown", "unknownYear", unknownYear(year), "holiday", word)
                        : unknownYearAndRemind(year, wording.text("duty.what.yearHoliday", "year", year, "holiday", word)));
            }
            return duty.calendar().all().stream().filter(h -> h.year() == year && h.isCalled(word)).findFirst()
                    .map(this::plan).orElseGet(() -> Reply.of(wording.text("duty.notInYear", "year", year, "holiday", word)));
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
                .orElseGet(() -> Reply.of(unknownYearAndRemind(nextUnknownYear(today),
                        wording.text("duty.what.holiday", "holiday", word))));
    }

    public Reply plan(Holiday h) {
        List<DutyAssignment> plan = duty.plan(h);
        return Reply.of(wording.text("duty.plan", "year", h.year(), "holiday", h.name(),
                "past", h.lastDay().isBefore(duty.today()) ? wording.text("duty.planPast") : "",
                "span", DutyText.holidaySpan(h, wording), "lines", DutyText.planLines(plan, wording),
                "footer", DutyText.planFooter(plan, wording)));
    }

    private void appendUnknownNextYear(StringBuilder sb, LocalDate today) {
        if (!duty.calendar().knows(today.getYear())) {
            boolean reminded = gaps.report(today.getYear());
            sb.append(wording.text("duty.attention", "text", unknownYear(today.getYear())
                    + wording.text(reminded ? "duty.reminded" : "duty.alreadyReminded")));
            return;
        }
        int next = today.getYear() + 1;
        if (today.getMonthValue() >= 11 && !duty.calendar().knows(next)) {
            sb.append(wording.text("duty.attention", "text", unknownYear(next)));
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
        return wording.text("duty.cannotTell", "unknownYear", unknownYear(year), "what", what,
                "reminded", wording.text(reminded ? "duty.reminded" : "duty.alreadyReminded"));
    }

    private String unknownYear(int year) {
        return wording.text("duty.unknownYear", "year", year);
    }
}
