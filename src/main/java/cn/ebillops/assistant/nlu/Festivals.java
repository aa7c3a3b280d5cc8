package cn.ebillops.assistant.nlu;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Days people celebrate that are not statutory holidays in China, so no holiday duty plan exists
 * for them. Those with a Gregorian date give it per year; lunar ones (元宵, 七夕, 重阳 …) have none,
 * as the assistant keeps no lunar calendar. Only names with 节 or otherwise unmistakable are listed
 * ("六一" or "八一" alone are also numbers and road names).
 */
final class Festivals {

    record Festival(String name, IntFunction<LocalDate> inYear) {

        Optional<IntFunction<LocalDate>> date() {
            return Optional.ofNullable(inYear);
        }
    }

    private static final List<Festival> ALL = List.of(
            fixed("平安夜", 12, 24), fixed("圣诞节", 12, 25), fixed("圣诞", 12, 25),
            lunar("中国情人节"), fixed("情人节", 2, 14), fixed("妇女节", 3, 8), fixed("三八节", 3, 8),
            fixed("植树节", 3, 12), fixed("愚人节", 4, 1), fixed("青年节", 5, 4), fixed("护士节", 5, 12),
            fixed("儿童节", 6, 1), fixed("建党节", 7, 1), fixed("建军节", 8, 1), fixed("医师节", 8, 19),
            fixed("教师节", 9, 10), fixed("万圣节", 10, 31), fixed("光棍节", 11, 11), fixed("双十一", 11, 11),
            fixed("双11", 11, 11),
            new Festival("母亲节", y -> LocalDate.of(y, 5, 1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.SUNDAY))),
            new Festival("父亲节", y -> LocalDate.of(y, 6, 1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.SUNDAY))),
            new Festival("感恩节", y -> LocalDate.of(y, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY))),
            lunar("元宵节"), lunar("元宵"), lunar("七夕节"), lunar("七夕"), lunar("重阳节"), lunar("重阳"),
            lunar("腊八节"), lunar("腊八"), lunar("小年"), lunar("中元节"), lunar("龙抬头"), lunar("冬至"),
            lunar("寒食节"));

    // longest first, so "中国情人节" is not read as "情人节" and "圣诞节" not as "圣诞"
    private static final Pattern NAMES = Pattern.compile(ALL.stream().map(Festival::name)
            .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
            .collect(Collectors.joining("|")));

    private Festivals() {
    }

    /** The first festival named in the text, consumed from it. */
    static Optional<Festival> find(Scratch text) {
        Matcher m = NAMES.matcher(text.text());
        if (!m.find()) {
            return Optional.empty();
        }
        text.consume(m.start(), m.end());
        String name = m.group();
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private static Festival fixed(String name, int month, int day) {
        return new Festival(name, y -> LocalDate.of(y, month, day));
    }

    private static Festival lunar(String name) {
        return new Festival(name, null);
    }
}
