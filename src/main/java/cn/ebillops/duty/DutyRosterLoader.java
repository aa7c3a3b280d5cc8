package cn.ebillops.duty;

import cn.ebillops.config.BotConfig;
import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigNode;
import cn.ebillops.config.Person;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds {@link DutyRoster} from bot-config/duty.yaml, checking every person against hospital.yaml. */
@Configuration(proxyBeanMethods = false)
public class DutyRosterLoader {

    public static final String FILE = "duty.yaml";

    @Bean
    public DutyRoster dutyRoster(BotConfigFiles files, BotConfig config) {
        return load(files.read(FILE), config);
    }

    public static DutyRoster load(ConfigNode root, BotConfig config) {
        List<String> engineers = root.strings("engineers");
        if (engineers.isEmpty()) {
            throw root.error("engineers", "(空)", "至少一位轮值工程师的 userid（见 hospital.yaml）");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < engineers.size(); i++) {
            String id = engineers.get(i);
            requireEngineer(root, "engineers[" + i + "]", id, config);
            if (!seen.add(id)) {
                throw root.error("engineers[" + i + "]", id, "不重复的 userid");
            }
        }
        Optional<String> backup = root.optionalString("backup");
        backup.ifPresent(b -> requireEngineer(root, "backup", b, config));
        Optional<String> manager = root.optionalString("manager");
        manager.ifPresent(m -> requirePerson(root, "manager", m, config));

        ConfigNode rotation = root.child("rotation");
        LocalDate anchor = ConfigDates.optionalDate(rotation, "anchor").orElse(LocalDate.of(2026, 1, 5));
        LocalTime handover = time(rotation, "handover", LocalTime.of(9, 0));

        List<DutyRoster.HolidayRule> rules = new ArrayList<>();
        for (ConfigNode r : root.children("holidays")) {
            String name = r.string("holiday");
            Map<LocalDate, String> days = datedPeople(r, "days", config);
            boolean daily = false;
            if (r.has("rotation")) {
                String kind = r.string("rotation");
                if (!kind.equals("daily")) {
                    throw r.error("rotation", kind, "daily（假期内每天轮换）");
                }
                daily = true;
            }
            Optional<String> startWith = r.optionalString("startWith");
            if (startWith.isPresent() && !engineers.contains(startWith.get())) {
                throw r.error("startWith", startWith.get(), "engineers 中的一位：" + String.join("、", engineers));
            }
            if (days.isEmpty() && !daily) {
                throw r.error("days", "(空)", "逐日安排（days: 日期: userid）或 rotation: daily");
            }
            rules.add(new DutyRoster.HolidayRule(name, days, daily, startWith));
        }

        Map<LocalDate, String> overrides = datedPeople(root, "overrides", config);

        return new DutyRoster(root.string("hotline", ""), engineers, backup, manager, anchor, handover, rules,
                overrides);
    }

    /**
     * A list of {@code {date: 2026-10-01, engineer: userid}}. A list, not a mapping keyed by date,
     * because YAML would turn unquoted date keys into timestamps that cannot be read back reliably.
     */
    private static Map<LocalDate, String> datedPeople(ConfigNode node, String key, BotConfig config) {
        if (node.has(key) && !(node.raw().get(key) instanceof List)) {
            throw node.error(key, node.raw().get(key), "列表，每项写 {date: 2026-10-01, engineer: userid}");
        }
        Map<LocalDate, String> out = new LinkedHashMap<>();
        for (ConfigNode item : node.children(key)) {
            LocalDate d = ConfigDates.date(item, "date");
            String id = item.string("engineer");
            requireEngineer(item, "engineer", id, config);
            if (out.put(d, id) != null) {
                throw item.error("date", d, "不重复的日期");
            }
        }
        return out;
    }

    /** "HH:mm" times; YAML 1.1 may read an unquoted 09:00 as a sexagesimal number, so it must be quoted. */
    public static LocalTime time(ConfigNode node, String key, LocalTime fallback) {
        if (!node.has(key)) {
            return fallback;
        }
        Object v = node.raw().get(key);
        try {
            if (!(v instanceof String s)) {
                throw new DateTimeParseException("not text", String.valueOf(v), 0);
            }
            return LocalTime.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw node.error(key, v, "带引号的时间 \"HH:mm\"，如 \"09:30\"");
        }
    }

    private static void requireEngineer(ConfigNode node, String key, String id, BotConfig config) {
        Person p = requirePerson(node, key, id, config);
        if (!p.role().isEngineer()) {
            throw node.error(key, id, "角色为 ENGINEER 或 ADMIN 的人员（%s 是%s）".formatted(p.name(), p.role().label()));
        }
    }

    private static Person requirePerson(ConfigNode node, String key, String id, BotConfig config) {
        return config.findPerson(id).orElseThrow(() -> node.error(key, id.isEmpty() ? "(空)" : id,
                "hospital.yaml 中 people 的 userid：" + String.join("、", config.peopleById().keySet())));
    }
}
