package cn.ebillops.assistant.nlu;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.modulith.NamedInterface;

/**
 * What one message is about, beside its class: the day, holiday or festival it names, the incident
 * numbers, the window and the department. {@link EntityExtractor} builds it once per message and
 * handlers read it instead of parsing the text again, so "10月1日" means the same day everywhere.
 *
 * @param date          an explicit or relative day ("2026年10月1日", "10月1号", "明天", "下周一")
 * @param holiday       a statutory holiday as written ("国庆", "过年"), with its year when one is given
 * @param festival      a day people celebrate that is not a statutory holiday ("圣诞节", "元宵")
 * @param weekend       the Saturday of the weekend meant ("这周末", "下周末")
 * @param anyHoliday    "假期", "长假", "放假" without a name: the next holiday
 * @param unresolvedDay a phrase that points at a day the assistant cannot tie to a date ("那天", "2月30日")
 * @param lookingBack   the message looks back ("上次", "当时", "那天"): a year-less day is the past one
 */
@NamedInterface("nlu")
public record Entities(Optional<DateMention> date, Optional<HolidayMention> holiday,
                       Optional<FestivalMention> festival, Optional<LocalDate> weekend, boolean anyHoliday,
                       Optional<String> unresolvedDay, boolean lookingBack, List<Long> incidents,
                       OptionalInt window, Optional<String> department) {

    /** Nothing named: a message read without extraction (a notice, a test). */
    public static final Entities NONE = new Entities(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), false, Optional.empty(), false, List.of(), OptionalInt.empty(), Optional.empty());

    public Entities {
        incidents = List.copyOf(incidents);
    }

    /** The first incident number named ("3号故障单", "#3"). */
    public Optional<Long> incident() {
        return incidents.stream().findFirst();
    }

    /** A day; {@code relative} when said relative to today ("今天", "明晚", "下周一"), {@code phrase} as written. */
    public record DateMention(LocalDate date, String phrase, boolean relative) {
    }

    /** A holiday name or alias exactly as the holiday calendar spells it; the year only when the text gives one. */
    public record HolidayMention(String word, OptionalInt year) {
    }

    /** A non-statutory festival; the date only when it has a Gregorian date (圣诞节 → 12月25日, 元宵 → none). */
    public record FestivalMention(String name, Optional<LocalDate> date) {
    }
}
