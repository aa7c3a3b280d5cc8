package cn.ebillops.duty;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One statutory holiday of one year: the days off (inclusive) and the weekend days worked in
 * exchange (调休上班). {@code aliases} are colloquial names ("五一", "十一") used to understand questions.
 */
public record Holiday(int year, String name, List<String> aliases, LocalDate firstDay, LocalDate lastDay,
                      List<LocalDate> makeUpWorkdays) {

    public Holiday {
        aliases = List.copyOf(aliases);
        makeUpWorkdays = List.copyOf(makeUpWorkdays);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay) && !date.isAfter(lastDay);
    }

    public int days() {
        return (int) (lastDay.toEpochDay() - firstDay.toEpochDay()) + 1;
    }

    public List<LocalDate> daysOff() {
        return firstDay.datesUntil(lastDay.plusDays(1)).toList();
    }

    /** Stable key of this occurrence, e.g. "2026-国庆" (names are unique within a year). */
    public String key() {
        return year + "-" + name;
    }

    /**
     * True when the name or an alias occurs in the text as a holiday, not as part of a date
     * ("十一月", "十一号" and "十一点" do not mean 国庆).
     */
    public boolean mentionedIn(String text) {
        return wordIn(text).isPresent();
    }

    /** The longest of the name and aliases that the text mentions as a holiday, as spelt here. */
    public Optional<String> wordIn(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return Stream.concat(Stream.of(name), aliases.stream())
                .filter(n -> occursAsWord(t, n.toLowerCase(Locale.ROOT)))
                .max(Comparator.comparingInt(String::length));
    }

    private static boolean occursAsWord(String text, String word) {
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            int end = i + word.length();
            if (end >= text.length() || "月号日点".indexOf(text.charAt(end)) < 0) {
                return true;
            }
        }
        return false;
    }

    public boolean isCalled(String word) {
        String w = word.trim();
        return name.equals(w) || aliases.contains(w);
    }
}
