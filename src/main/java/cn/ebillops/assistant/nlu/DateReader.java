package cn.ebillops.assistant.nlu;

import cn.ebillops.assistant.nlu.Entities.DateMention;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the days a message names, relative to today. The rule for a day without its year (or
 * month) is one and is written in docs/nlu.md: the first occurrence not more than
 * {@value #RECENT_DAYS} days ago, i.e. the coming one unless it was within the last week; when the
 * message looks back ("上次", "当时", "那天") the latest one not after today.
 */
final class DateReader {

    static final int RECENT_DAYS = 7;

    private static final String NUM = "(\\d{1,2}|[一二三四五六七八九十]{1,3})";
    private static final String YEAR = "(?:(\\d{4})\\s*年|(今年|明年|去年|前年|后年))?\\s*";
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<!\\d)(\\d{4})\\s*([-/.])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{1,2})(?!\\d)\\s*[日号]?");
    private static final Pattern MONTH_DAY = Pattern.compile(YEAR + "(?<![\\d一二三四五六七八九十])" + NUM
            + "\\s*月\\s*" + NUM + "(?![\\d一二三四五六七八九十])\\s*[日号]?");
    // "10.1" only standing alone: not a version ("版本10.1"), an amount ("10.5元") or part of a longer number
    private static final Pattern DOTTED = Pattern.compile(
            "(?<![\\d.a-z])(\\d{1,2})\\.(\\d{1,2})(?![\\d.%a-z元块万千百个次倍米斤克秒分版])\\s*[日号]?");
    private static final Pattern VERSION = Pattern.compile("版本|version|[a-z]\\s*\\d+\\.\\d");
    private static final Pattern YEAR_ONLY = Pattern.compile("(?<!\\d)(\\d{4})\\s*年|今年|明年|去年|前年|后年");
    private static final Pattern WEEKEND = Pattern.compile("(下|上|这|本)?\\s*个?\\s*(?:周末|礼拜六日)");
    private static final Pattern WEEKDAY = Pattern.compile(
            "(?<!每)(下下|下|上|这|本|今)?\\s*个?\\s*(?:周|星期|礼拜|禮拜)\\s*([一二三四五六日天1-7])");
    // a bare "12号" is a day of the month unless it numbers something ("12号窗口", "12号故障单", "3日内")
    private static final Pattern BARE_DAY = Pattern.compile("(?<![\\d一二三四五六七八九十月第#.])" + NUM
            + "\\s*(号|日)(?!\\s*(?:故障|工单|单|窗|楼|床|诊|机|台|电脑|线|柜|病区|收费|内|以内|之内|前|后))");
    private static final String[][] RELATIVE = {
            {"大后天", "3"}, {"大前天", "-3"}, {"后天", "2"}, {"前天", "-2"}, {"后日", "2"},
            {"明天", "1"}, {"明日", "1"}, {"明晚", "1"}, {"明早", "1"}, {"听日", "1"}, {"聽日", "1"}, {"天光日", "1"},
            {"今天", "0"}, {"今日", "0"}, {"今晚", "0"}, {"今夜", "0"}, {"今早", "0"}, {"今晡日", "0"}, {"今晡", "0"},
            {"昨天", "-1"}, {"昨日", "-1"}, {"昨晚", "-1"}, {"琴日", "-1"}, {"寻日", "-1"}, {"昨晡日", "-1"}};

    private final LocalDate today;
    private final boolean back;
    private Optional<DateMention> date = Optional.empty();
    private Optional<String> unresolved = Optional.empty();
    private Optional<LocalDate> weekend = Optional.empty();
    private OptionalInt year = OptionalInt.empty();

    DateReader(LocalDate today, boolean lookingBack) {
        this.today = today;
        this.back = lookingBack;
    }

    /** Reads every day phrase, most explicit first; each taken phrase is blanked out of the text. */
    DateReader read(Scratch s) {
        numeric(s);
        monthDay(s);
        dotted(s);
        yearOnly(s);
        relative(s);
        weekend(s);
        weekday(s);
        bareDay(s);
        return this;
    }

    Optional<DateMention> date() {
        return date;
    }

    Optional<String> unresolved() {
        return unresolved;
    }

    Optional<LocalDate> weekend() {
        return weekend;
    }

    /** A year given without a day ("2026年国庆", "明年春节"). */
    OptionalInt year() {
        return year;
    }

    /** The occurrence meant of a day that recurs every year; empty when it does not exist in that year. */
    Optional<LocalDate> yearly(IntFunction<LocalDate> inYear, OptionalInt givenYear) {
        if (givenYear.isPresent()) {
            return attempt(() -> inYear.apply(givenYear.getAsInt()));
        }
        List<LocalDate> candidates = new ArrayList<>();
        for (int y = today.getYear() - 2; y <= today.getYear() + 1; y++) {
            int year = y;
            attempt(() -> inYear.apply(year)).ifPresent(candidates::add);
        }
        return pick(candidates);
    }

    private void numeric(Scratch s) {
        Matcher m = NUMERIC.matcher(s.text());
        if (m.find()) {
            take(s, m, () -> LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4))));
        }
    }

    private void monthDay(Scratch s) {
        Matcher m = MONTH_DAY.matcher(s.text());
        if (!m.find()) {
            return;
        }
        int month = number(m.group(3));
        int day = number(m.group(4));
        OptionalInt given = m.group(1) != null ? OptionalInt.of(Integer.parseInt(m.group(1)))
                : m.group(2) != null ? OptionalInt.of(today.getYear() + relativeYear(m.group(2))) : OptionalInt.empty();
        take(s, m, yearly(y -> LocalDate.of(y, month, day), given));
    }

    private void dotted(Scratch s) {
        Matcher m = DOTTED.matcher(s.text());
        if (date.isEmpty() && m.find() && !VERSION.matcher(s.text()).find()) {
            int month = Integer.parseInt(m.group(1));
            int day = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                take(s, m, yearly(y -> LocalDate.of(y, month, day), OptionalInt.empty()));
            }
        }
    }

    private void yearOnly(Scratch s) {
        Matcher m = YEAR_ONLY.matcher(s.text());
        if (m.find()) {
            year = OptionalInt.of(m.group(1) != null ? Integer.parseInt(m.group(1))
                    : today.getYear() + relativeYear(m.group()));
            s.consume(m.start(), m.end());
        }
    }

    private void relative(Scratch s) {
        for (String[] r : RELATIVE) {
            int i = s.text().indexOf(r[0]);
            if (i >= 0) {
                s.consume(i, i + r[0].length());
                found(new DateMention(today.plusDays(Integer.parseInt(r[1])), r[0], true));
                return;
            }
        }
    }

    private void weekend(Scratch s) {
        Matcher m = WEEKEND.matcher(s.text());
        if (m.find()) {
            s.consume(m.start(), m.end());
            weekend = Optional.of(today.with(DayOfWeek.SATURDAY).plusWeeks(weekOffset(m.group(1))));
        }
    }

    private void weekday(Scratch s) {
        Matcher m = WEEKDAY.matcher(s.text());
        if (!m.find()) {
            return;
        }
        s.consume(m.start(), m.end());
        DayOfWeek dow = dayOfWeek(m.group(2));
        LocalDate d = m.group(1) == null
                ? (back ? today.minusDays(1).with(TemporalAdjusters.previousOrSame(dow))
                        : today.with(TemporalAdjusters.nextOrSame(dow)))
                : today.with(dow).plusWeeks(weekOffset(m.group(1)));
        found(new DateMention(d, m.group().strip(), true));
    }

    private void bareDay(Scratch s) {
        Matcher m = BARE_DAY.matcher(s.text());
        if (date.isPresent() || !m.find()) {
            return;
        }
        if (m.group(2).equals("日") && !m.group(1).chars().allMatch(Character::isDigit)) {
            return; // "一日" is "one day" more often than "the 1st"
        }
        int day = number(m.group(1));
        List<LocalDate> candidates = new ArrayList<>();
        for (int k = -2; k <= 2; k++) {
            YearMonth ym = YearMonth.from(today).plusMonths(k);
            if (ym.isValidDay(day)) {
                candidates.add(ym.atDay(day));
            }
        }
        take(s, m, pick(candidates));
    }

    private void take(Scratch s, Matcher m, DateSupplier d) {
        take(s, m, attempt(d));
    }

    /** A written date (never relative); one that does not exist ("2月30日") is kept as unresolved. */
    private void take(Scratch s, Matcher m, Optional<LocalDate> d) {
        s.consume(m.start(), m.end());
        String phrase = m.group().strip();
        d.ifPresentOrElse(x -> found(new DateMention(x, phrase, false)),
                () -> unresolved = unresolved.or(() -> Optional.of(phrase)));
    }

    private void found(DateMention d) {
        if (date.isEmpty()) {
            date = Optional.of(d);
        }
    }

    private Optional<LocalDate> pick(List<LocalDate> sorted) {
        if (back) {
            return sorted.stream().filter(d -> !d.isAfter(today)).reduce((a, b) -> b);
        }
        return sorted.stream().filter(d -> !d.isBefore(today.minusDays(RECENT_DAYS))).findFirst();
    }

    private interface DateSupplier {
        LocalDate get();
    }

    private static Optional<LocalDate> attempt(DateSupplier d) {
        try {
            return Optional.of(d.get());
        } catch (DateTimeException e) {
            return Optional.empty(); // "2月30日", "13月1日"
        }
    }

    private static int relativeYear(String word) {
        return switch (word) {
            case "明年" -> 1;
            case "后年" -> 2;
            case "去年" -> -1;
            case "前年" -> -2;
            default -> 0;
        };
    }

    private static int weekOffset(String word) {
        if (word == null) {
            return 0;
        }
        return switch (word) {
            case "下下" -> 2;
            case "下" -> 1;
            case "上" -> -1;
            default -> 0;
        };
    }

    private static DayOfWeek dayOfWeek(String d) {
        return switch (d) {
            case "一", "1" -> DayOfWeek.MONDAY;
            case "二", "2" -> DayOfWeek.TUESDAY;
            case "三", "3" -> DayOfWeek.WEDNESDAY;
            case "四", "4" -> DayOfWeek.THURSDAY;
            case "五", "5" -> DayOfWeek.FRIDAY;
            case "六", "6" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }

    /** 1–31 in digits or Chinese numerals ("十一", "二十五", "三十一"); 0 when it is not one. */
    static int number(String s) {
        if (s.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(s);
        }
        String digits = "一二三四五六七八九";
        int ten = s.indexOf('十');
        if (ten < 0) {
            return s.length() == 1 ? digits.indexOf(s.charAt(0)) + 1 : 0;
        }
        int tens = ten == 0 ? 1 : digits.indexOf(s.charAt(0)) + 1;
        int units = ten == s.length() - 1 ? 0 : digits.indexOf(s.charAt(ten + 1)) + 1;
        return tens * 10 + units;
    }
}
