package cn.ebillops.duty;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the State Council General Office's yearly notice ("国务院办公厅关于2026年部分节假日安排的通知") in its
 * standard wording: the year from the title, then each numbered item "一、元旦：1月1日（周四）至3日（周六）放假调休，
 * 共3天。1月4日（周日）上班。". Whitespace is dropped first (a paste arrives with extra spaces, broken lines, or
 * as one line — the chat joins lines) and full-width punctuation and digits are read as half-width.
 *
 * <p>The notice checks itself, and so does this parser, because a misread calendar silently sends people to
 * work on a day off: the weekday in the parentheses must be the date's, "共N天" the range's length, make-up
 * days weekends outside the days off, and every date in an item must be read as a day off or a make-up day.
 */
final class HolidayNoticeParser {

    private static final String DATE = "(?:(\\d{4})年)?(?:(\\d{1,2})月)?(\\d{1,2})日(?:\\(([^()]*)\\))?";
    private static final Pattern DATE_P = Pattern.compile(DATE);
    private static final Pattern MAKE_UP = Pattern.compile("((?:" + DATE + "[、,和及]?)+)(?:上班|补班)");
    private static final Pattern ITEM = Pattern.compile("([一二三四五六七八九十]{1,3})、(\\p{IsHan}+(?:、\\p{IsHan}+)*):");
    private static final Pattern TITLE = Pattern.compile("(?:国务院办公厅)?关于(\\d{4})年[^,。:]{0,20}?节假日安排的通知");
    private static final Pattern YEAR_IN_TEXT = Pattern.compile("现将(\\d{4})年");
    private static final Pattern COUNT = Pattern.compile("(?:共|放假)(\\d{1,2})天");
    private static final Pattern WEEKDAY = Pattern.compile("(?:周|星期|礼拜)([一二三四五六日天])");
    private static final String WEEKDAYS = "一二三四五六日";

    private HolidayNoticeParser() {
    }

    private record Item(String label, String noticeName, String body) {
    }

    static HolidayNotice parse(String text) {
        String t = normalize(text);
        Matcher title = TITLE.matcher(t);
        Matcher stated = YEAR_IN_TEXT.matcher(t);
        int year;
        String source;
        if (title.find()) {
            year = Integer.parseInt(title.group(1));
            source = title.group().startsWith("国务院办公厅") ? title.group() : "国务院办公厅" + title.group();
        } else if (stated.find()) {
            year = Integer.parseInt(stated.group(1));
            source = "国务院办公厅关于%d年部分节假日安排的通知".formatted(year);
        } else {
            throw new HolidayNoticeException("找不到年份：请连同标题“国务院办公厅关于20XX年部分节假日安排的通知”一起粘贴通知全文。");
        }
        List<Item> items = items(t);
        List<String> problems = new ArrayList<>();
        List<Holiday> holidays = new ArrayList<>();
        for (Item item : items) {
            int before = problems.size();
            Holiday h = holiday(year, item, problems);
            if (problems.size() == before) {
                holidays.add(h);
            }
        }
        for (int i = 1; i < holidays.size(); i++) {
            Holiday a = holidays.get(i - 1);
            Holiday b = holidays.get(i);
            if (!b.firstDay().isAfter(a.lastDay())) {
                problems.add("“%s”的放假日期与“%s”重叠或早于它（条目应按日期先后排列）".formatted(b.name(), a.name()));
            }
        }
        if (!problems.isEmpty()) {
            throw new HolidayNoticeException(problems);
        }
        return new HolidayNotice(year, source, holidays);
    }

    /** No whitespace (Chinese needs none), half-width digits, brackets, colons and commas. */
    static String normalize(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff') {
                continue;
            }
            sb.append(switch (c) {
                case '（' -> '(';
                case '）' -> ')';
                case '：' -> ':';
                case '，' -> ',';
                case '；' -> ';';
                default -> c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c;
            });
        }
        return sb.toString();
    }

    private static List<Item> items(String t) {
        Matcher m = ITEM.matcher(t);
        List<int[]> spans = new ArrayList<>();
        List<String[]> heads = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            heads.add(new String[] {m.group(1), m.group(2)});
        }
        if (spans.isEmpty()) {
            throw new HolidayNoticeException("没有找到“一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。”这样的条目；请粘贴通知全文。");
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            int number = number(heads.get(i)[0]);
            if (number != i + 1) {
                throw new HolidayNoticeException("条目编号不连续：第%d个条目编号是“%s、”，应为第%s项；请检查粘贴是否完整。"
                        .formatted(i + 1, heads.get(i)[0], chinese(i + 1)));
            }
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : t.length();
            String label = "第%s项（%s）".formatted(heads.get(i)[0], heads.get(i)[1]);
            items.add(new Item(label, heads.get(i)[1], ownSentences(t.substring(spans.get(i)[1], end))));
        }
        return items;
    }

    /**
     * The item's sentences up to the closing paragraph or the signature: the first sentence about neither days
     * off nor work and without a date. A sentence with a date stays, so a make-up day in other words is reported
     * as unreadable rather than dropped.
     */
    private static String ownSentences(String body) {
        StringBuilder own = new StringBuilder();
        for (String s : body.split("。")) {
            boolean aboutDays = s.contains("放假") || s.contains("上班") || s.contains("补班") || s.contains("调休");
            if (s.startsWith("国务院办公厅") || !aboutDays && !DATE_P.matcher(s).find()) {
                break;
            }
            own.append(s).append('。');
        }
        return own.toString();
    }

    private static Holiday holiday(int year, Item item, List<String> problems) {
        int off = item.body().indexOf("放假");
        if (off < 0) {
            problems.add(item.label() + " 没有找到“放假”：应写作“X月X日（周X）至X日（周X）放假，共N天”。");
            return null;
        }
        List<LocalDate> range = dates(year, item, item.body().substring(0, off), problems);
        if (range.isEmpty() || range.size() > 2) {
            problems.add(item.label() + " 应有一个放假日期或“起始日至结束日”，实际找到 %d 个日期。".formatted(range.size()));
            return null;
        }
        LocalDate from = range.get(0);
        LocalDate to = range.get(range.size() - 1);
        String rest = item.body().substring(off);
        List<LocalDate> work = new ArrayList<>();
        boolean[] read = new boolean[rest.length()];
        Matcher mu = MAKE_UP.matcher(rest);
        while (mu.find()) {
            work.addAll(dates(year, item, mu.group(1), problems));
            Arrays.fill(read, mu.start(), mu.end(), true);
        }
        Matcher stray = DATE_P.matcher(rest);
        while (stray.find()) {
            if (!read[stray.start()]) {
                problems.add(item.label() + " 无法识别日期“%s”的含义（调休上班日应写作“X月X日（周X）上班”）。".formatted(stray.group()));
            }
        }
        if (problems.stream().anyMatch(p -> p.startsWith(item.label()))) {
            return null;
        }
        check(item, from, to, rest, work, problems);
        NoticeHolidayNames.Names names = NoticeHolidayNames.of(item.noticeName());
        return new Holiday(year, names.name(), names.aliases(), from, to, work);
    }

    private static void check(Item item, LocalDate from, LocalDate to, String rest, List<LocalDate> work,
                              List<String> problems) {
        if (to.isBefore(from)) {
            problems.add(item.label() + " 结束日 %s 早于起始日 %s。".formatted(day(to), day(from)));
            return;
        }
        int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        Matcher count = COUNT.matcher(rest);
        if (count.find() && Integer.parseInt(count.group(1)) != days) {
            problems.add(item.label() + " 写的是共%s天，但%s至%s实际是%d天。".formatted(count.group(1), day(from), day(to), days));
        }
        for (LocalDate w : work) {
            if (!w.isBefore(from) && !w.isAfter(to)) {
                problems.add(item.label() + " 调休上班日 %s 在放假日期之内。".formatted(day(w)));
            } else if (w.getDayOfWeek() != DayOfWeek.SATURDAY && w.getDayOfWeek() != DayOfWeek.SUNDAY) {
                problems.add(item.label() + " 调休上班日 %s 是%s，不是周末。".formatted(day(w), weekday(w)));
            }
        }
    }

    /** The dates in a fragment; a date without a month takes the previous one's ("至3日"), without a year the notice's. */
    private static List<LocalDate> dates(int year, Item item, String fragment, List<String> problems) {
        List<LocalDate> out = new ArrayList<>();
        Integer month = null;
        Integer y = null;
        Matcher m = DATE_P.matcher(fragment);
        while (m.find()) {
            y = m.group(1) != null ? Integer.valueOf(m.group(1)) : y;
            month = m.group(2) != null ? Integer.valueOf(m.group(2)) : month;
            if (month == null) {
                problems.add(item.label() + " 日期“%s”没有月份。".formatted(m.group()));
                continue;
            }
            LocalDate d;
            try {
                d = LocalDate.of(y == null ? year : y, month, Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                problems.add(item.label() + " 日期“%s”不存在。".formatted(m.group()));
                continue;
            }
            if (d.getYear() != year) {
                problems.add(item.label() + " %d年%s 不在%d年内：日历文件只含当年日期，跨年的假期请手工编辑两年的文件。"
                        .formatted(d.getYear(), day(d), year));
                continue;
            }
            Matcher wd = WEEKDAY.matcher(m.group(4) == null ? "" : m.group(4));
            String written = null;
            while (wd.find()) {
                written = wd.group(1).equals("天") ? "日" : wd.group(1);
            }
            if (written != null && WEEKDAYS.indexOf(written) != d.getDayOfWeek().getValue() - 1) {
                problems.add(item.label() + " %s 写的是周%s，实际是%s。".formatted(day(d), written, weekday(d)));
                continue;
            }
            out.add(d);
        }
        return out;
    }

    static String day(LocalDate d) {
        return d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    static String weekday(LocalDate d) {
        return "周" + WEEKDAYS.charAt(d.getDayOfWeek().getValue() - 1);
    }

    private static int number(String chinese) {
        int ten = chinese.indexOf('十');
        if (ten < 0) {
            return "一二三四五六七八九".indexOf(chinese.charAt(0)) + 1 + (chinese.length() > 1 ? 100 : 0);
        }
        int tens = ten == 0 ? 1 : "一二三四五六七八九".indexOf(chinese.charAt(0)) + 1;
        int units = ten == chinese.length() - 1 ? 0 : "一二三四五六七八九".indexOf(chinese.charAt(ten + 1)) + 1;
        return tens * 10 + units;
    }

    private static String chinese(int n) {
        String digits = "一二三四五六七八九";
        if (n <= 9) {
            return String.valueOf(digits.charAt(n - 1));
        }
        return (n >= 20 ? String.valueOf(digits.charAt(n / 10 - 1)) : "") + "十" + (n % 10 == 0 ? "" : digits.charAt(n % 10 - 1));
    }
}
