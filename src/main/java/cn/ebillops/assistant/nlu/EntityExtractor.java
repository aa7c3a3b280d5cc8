package cn.ebillops.assistant.nlu;

import cn.ebillops.assistant.nlu.Entities.DateMention;
import cn.ebillops.assistant.nlu.Entities.FestivalMention;
import cn.ebillops.assistant.nlu.Entities.HolidayMention;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads what a message is about ({@link Entities}), once per message, for every handler. Phrases
 * are taken most specific first and blanked out, so a number is read once: incidents and windows,
 * festivals, days, then the holiday name in what is left. Days without a year resolve against the
 * clock's today by {@link DateReader}'s one rule. Holiday names come from the hospital's calendar
 * ({@link HolidayNames}); none are listed here.
 */
@Component
public class EntityExtractor {

    private static final Pattern LOOKING_BACK = Pattern.compile("上次|上回|当时|那天|那时|那次|那会|之前|刚才|过去的");
    private static final Pattern VAGUE_DAY = Pattern.compile("那天|那一天|那日|当天|当日|那次|上次|上回|当时|哪天|某天|那会");
    private static final Pattern ANY_HOLIDAY = Pattern.compile("小长假|长假|假期|节假日|假日|放假");

    private final Clock clock;
    private final List<HolidayNames> holidayNames;

    public EntityExtractor(Clock clock, List<HolidayNames> holidayNames) {
        this.clock = clock;
        this.holidayNames = List.copyOf(holidayNames);
    }

    public Entities extract(String text) {
        String t = NluText.normalize(text);
        if (t.isEmpty()) {
            return Entities.NONE;
        }
        Scratch s = new Scratch(t);
        boolean back = LOOKING_BACK.matcher(t).find();
        List<Long> incidents = WorkPhrases.incidents(s);
        OptionalInt window = WorkPhrases.window(s);
        Optional<Festivals.Festival> festival = Festivals.find(s);
        DateReader days = new DateReader(LocalDate.now(clock), back).read(s);
        Optional<FestivalMention> festivalMention = festival.map(f -> new FestivalMention(f.name(),
                f.date().flatMap(inYear -> days.yearly(inYear, days.year()))));
        Optional<HolidayMention> holiday = holidayIn(s.text()).map(w -> new HolidayMention(w, days.year()));
        boolean anyHoliday = holiday.isEmpty() && ANY_HOLIDAY.matcher(s.text()).find();
        Optional<String> unresolved = days.unresolved().or(() -> vagueDay(s.text(), days.date(), holiday,
                festival.isPresent() || days.weekend().isPresent() || anyHoliday));
        return new Entities(days.date(), holiday, festivalMention, days.weekend(), anyHoliday, unresolved, back,
                incidents, window, WorkPhrases.department(s));
    }

    private Optional<String> holidayIn(String text) {
        return holidayNames.stream().map(n -> n.holidayIn(text)).flatMap(Optional::stream).findFirst();
    }

    /** "那天谁值班": a day is meant, but nothing in the message says which. */
    private static Optional<String> vagueDay(String text, Optional<DateMention> date, Optional<HolidayMention> holiday,
                                             boolean otherDay) {
        if (date.isPresent() || holiday.isPresent() || otherDay) {
            return Optional.empty();
        }
        var m = VAGUE_DAY.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}
