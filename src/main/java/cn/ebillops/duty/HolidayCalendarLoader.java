package cn.ebillops.duty;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigException;
import cn.ebillops.config.ConfigNode;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads bot-config/holidays/YYYY.yaml, one file per year, and validates it: every date inside
 * the file's year, ranges ordered, names unique, make-up days on weekends and outside the days off.
 */
@Configuration(proxyBeanMethods = false)
public class HolidayCalendarLoader {

    static final String DIR = "holidays";
    private static final Pattern FILE_NAME = Pattern.compile("(\\d{4})\\.yaml");

    @Bean
    public HolidayCalendar holidayCalendar(BotConfigFiles files) {
        Map<Integer, List<Holiday>> years = new TreeMap<>();
        for (Path p : files.list(DIR, ".yaml")) {
            String fileName = p.getFileName().toString();
            var m = FILE_NAME.matcher(fileName);
            if (!m.matches()) {
                throw new ConfigException("配置错误：bot-config/%s/%s 文件名无效，允许：年份.yaml，如 2027.yaml"
                        .formatted(DIR, fileName));
            }
            int year = Integer.parseInt(m.group(1));
            years.put(year, parseYear(year, files.read(DIR + "/" + fileName)));
        }
        return new HolidayCalendar(years);
    }

    /** Validates one year's file; public so tests and tools can check a file before it is deployed. */
    public static List<Holiday> parseYear(int year, ConfigNode root) {
        int declared = root.integer("year", year, 1900, 2999);
        if (declared != year) {
            throw root.error("year", declared, "与文件名相同的年份 " + year);
        }
        List<ConfigNode> entries = root.children("holidays");
        if (entries.isEmpty()) {
            throw root.error("holidays", "(空)", "至少一个节假日（name、from、to，可选 work、aliases）");
        }
        List<Holiday> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode h : entries) {
            String name = h.string("name");
            if (!names.add(name)) {
                throw h.error("name", name, "同一年内不重复的节日名称");
            }
            LocalDate from = inYear(h, "from", ConfigDates.date(h, "from"), year);
            LocalDate to = inYear(h, "to", ConfigDates.date(h, "to"), year);
            if (to.isBefore(from)) {
                throw h.error("to", to, "不早于 from（" + from + "）的日期");
            }
            List<LocalDate> work = ConfigDates.dates(h, "work");
            for (int i = 0; i < work.size(); i++) {
                LocalDate w = inYear(h, "work[" + i + "]", work.get(i), year);
                if (!w.isBefore(from) && !w.isAfter(to)) {
                    throw h.error("work[" + i + "]", w, "放假日期（%s 至 %s）以外的调休上班日".formatted(from, to));
                }
                if (w.getDayOfWeek() != DayOfWeek.SATURDAY && w.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    throw h.error("work[" + i + "]", w, "周六或周日（调休上班日是周末），该日是工作日无需列出");
                }
            }
            out.add(new Holiday(year, name, h.strings("aliases"), from, to, work));
        }
        List<Holiday> sorted = out.stream().sorted((a, b) -> a.firstDay().compareTo(b.firstDay())).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (!sorted.get(i).firstDay().isAfter(sorted.get(i - 1).lastDay())) {
                throw root.error("holidays", sorted.get(i).name(), "不与「%s」重叠的放假日期".formatted(sorted.get(i - 1).name()));
            }
        }
        return sorted;
    }

    private static LocalDate inYear(ConfigNode node, String key, LocalDate d, int year) {
        if (d.getYear() != year) {
            throw node.error(key, d, "%d 年内的日期（本文件是 %d 年的安排）".formatted(year, year));
        }
        return d;
    }
}
