package cn.ebillops.dashboard;

import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentStatus;
import cn.ebillops.web.RequestRefused;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

/**
 * The incident list's filters as the page sends them: a period of days (Beijing time, both ends included; the last
 * 30 days when not given), level I/II/III, area and state by their names; state {@value #ACTIVE} takes both open
 * states (待接单 and 处理中). A value that is not one of these is refused with a Chinese message, not ignored.
 */
record IncidentFilter(LocalDate from, LocalDate to, Severity level, Area area, IncidentStatus state, boolean active) {

    static final String ACTIVE = "ACTIVE";

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 3 * 366;

    static IncidentFilter parse(String from, String to, String level, String area, String state, Clock clock) {
        LocalDate end = blank(to) ? LocalDate.now(clock) : date(to, "to");
        LocalDate start = blank(from) ? end.minusDays(DEFAULT_DAYS - 1) : date(from, "from");
        if (start.isAfter(end) || start.plusDays(MAX_DAYS).isBefore(end)) {
            throw RequestRefused.badRequest("bad_period", "期间无效：起始日期须不晚于结束日期，且跨度不超过 3 年");
        }
        boolean active = !blank(state) && state.trim().equalsIgnoreCase(ACTIVE);
        return new IncidentFilter(start, end, value(level, "level", Severity::valueOf), value(area, "area", Area::valueOf),
                active ? null : value(state, "state", IncidentStatus::valueOf), active);
    }

    Instant fromInstant(Clock clock) {
        return from.atStartOfDay(clock.getZone()).toInstant();
    }

    Instant toInstant(Clock clock) {
        return to.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }

    boolean matches(Incident i) {
        return (level == null || i.severity() == level) && (area == null || i.area() == area)
                && (state == null || i.status() == state) && (!active || i.status().isOpen());
    }

    private static LocalDate date(String s, String name) {
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw RequestRefused.badRequest("bad_" + name, "日期格式应为 2026-01-31（参数 " + name + "）");
        }
    }

    private static <T> T value(String s, String name, Function<String, T> parse) {
        if (blank(s)) {
            return null;
        }
        try {
            return parse.apply(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RequestRefused.badRequest("bad_" + name, "无法识别的筛选值（参数 " + name + "）");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
