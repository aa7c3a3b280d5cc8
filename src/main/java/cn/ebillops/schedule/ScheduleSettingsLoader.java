package cn.ebillops.schedule;

import cn.ebillops.config.BotConfig;
import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigNode;
import cn.ebillops.duty.ConfigDates;
import cn.ebillops.duty.DutyRosterLoader;
import java.time.Duration;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads the notice settings from bot-config/duty.yaml and checks groups against hospital.yaml. */
@Configuration(proxyBeanMethods = false)
public class ScheduleSettingsLoader {

    @Bean
    public ScheduleSettings scheduleSettings(BotConfigFiles files, BotConfig config) {
        return load(files.read(DutyRosterLoader.FILE), config);
    }

    public static ScheduleSettings load(ConfigNode root, BotConfig config) {
        ScheduleSettings d = ScheduleSettings.defaults();
        ConfigNode n = root.child("notices");
        List<String> groups = n.strings("groups");
        for (int i = 0; i < groups.size(); i++) {
            String g = groups.get(i);
            if (config.group(g).isEmpty()) {
                throw n.error("groups[" + i + "]", g, "hospital.yaml 中 groups 的 chatid："
                        + String.join("、", config.groups().stream().map(x -> x.chatId()).toList()));
            }
        }
        ConfigNode ca = root.child("caCertificate");
        List<Integer> days = new ArrayList<>();
        List<String> raw = ca.strings("remindDaysBefore");
        for (int i = 0; i < raw.size(); i++) {
            try {
                int v = Integer.parseInt(raw.get(i));
                if (v < 1 || v > 365) {
                    throw new NumberFormatException();
                }
                days.add(v);
            } catch (NumberFormatException e) {
                throw ca.error("remindDaysBefore[" + i + "]", raw.get(i), "1 到 365 之间的天数");
            }
        }
        MonthDay from = d.calendarReminderFrom();
        if (root.has("calendarReminderFrom")) {
            String s = root.string("calendarReminderFrom");
            try {
                from = MonthDay.parse("--" + s);
            } catch (DateTimeParseException e) {
                throw root.error("calendarReminderFrom", s, "\"MM-DD\"，如 \"12-01\"");
            }
        }
        Duration late = n.duration("lateAfter", d.lateAfter());
        return new ScheduleSettings(groups,
                n.integer("daysBefore", d.daysBefore(), 1, 20),
                DutyRosterLoader.time(n, "noticeTime", d.noticeTime()),
                DutyRosterLoader.time(n, "eveTime", d.eveTime()),
                DutyRosterLoader.time(n, "routineTime", d.routineTime()),
                DutyRosterLoader.time(n, "quarterlyTime", d.quarterlyTime()),
                late,
                root.child("annualMeeting").integer("month", d.annualMeetingMonth(), 1, 12),
                ca.string("name", d.caName()),
                ConfigDates.optionalDate(ca, "notAfter"),
                days.isEmpty() ? d.caRemindDays() : days,
                from);
    }
}
