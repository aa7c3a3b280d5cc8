package cn.ebillops.duty;

import cn.ebillops.config.ConfigNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Dates in bot-config files. YAML turns an unquoted 2026-10-01 into a timestamp (at UTC midnight),
 * a quoted one stays text; both are accepted, anything else is named in the error.
 */
public final class ConfigDates {

    static final String ALLOWED = "日期，格式 YYYY-MM-DD，如 2026-10-01";

    private ConfigDates() {
    }

    public static LocalDate date(ConfigNode node, String key) {
        Object v = node.raw().get(key);
        if (v == null) {
            throw node.error(key, "(缺失)", ALLOWED);
        }
        return parse(node, key, v);
    }

    public static Optional<LocalDate> optionalDate(ConfigNode node, String key) {
        return node.has(key) ? Optional.of(date(node, key)) : Optional.empty();
    }

    public static List<LocalDate> dates(ConfigNode node, String key) {
        Object v = node.raw().get(key);
        if (v == null) {
            return List.of();
        }
        List<?> items = v instanceof List<?> l ? l : List.of(v);
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(parse(node, key + "[" + i + "]", items.get(i)));
        }
        return out;
    }

    /** Parses a map key or value that should be a date (e.g. keys of a per-day assignment map). */
    public static LocalDate parse(ConfigNode node, String key, Object v) {
        if (v instanceof Date d) {
            return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        if (v instanceof LocalDate d) {
            return d;
        }
        try {
            return LocalDate.parse(String.valueOf(v).trim());
        } catch (DateTimeParseException e) {
            throw node.error(key, v, ALLOWED);
        }
    }
}
