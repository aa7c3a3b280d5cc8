package cn.ebillops.incident;

import cn.ebillops.config.BotConfig;
import cn.ebillops.wording.Wording;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Chinese wording shared by replies and notices: times in Beijing time, durations, one-line summaries,
 * and the module's templates from {@link Wording} (the hospital may rewrite them in bot-config).
 */
@Component
public class IncidentTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final Clock clock;
    private final BotConfig config;
    private final Wording wording;

    public IncidentTexts(Clock clock, BotConfig config, Wording wording) {
        this.clock = clock;
        this.config = config;
        this.wording = wording;
    }

    /** The hospital's wording, for texts other modules build (an inspection's findings). */
    public Wording wording() {
        return wording;
    }

    /** The text of a wording key (incident.*, sla.*) with its placeholders as name, value, name, value… */
    public String text(String key, Object... namesAndValues) {
        return wording.text(key, namesAndValues);
    }

    /** "14:30", or "11-26 14:30" when not today. */
    public String time(Instant at) {
        if (at == null) {
            return "—";
        }
        ZonedDateTime z = at.atZone(clock.getZone());
        return z.toLocalDate().equals(LocalDate.now(clock)) ? TIME.format(z) : DATE_TIME.format(z);
    }

    /** A report's text on one line of at most 200 characters, for the incident and its timeline. */
    static String summary(String text) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return t.isEmpty() ? "（无描述）" : IncidentRepository.cut(t, 200);
    }

    public static String duration(Duration d) {
        if (d == null) {
            return "—";
        }
        long minutes = Math.max(0, d.toMinutes());
        if (minutes == 0 && !d.isZero()) {
            return d.toSeconds() + " 秒";
        }
        // contract deadlines read as hours ("24 小时", "48 小时"); only three days and more read as days
        long days = minutes >= 72 * 60 ? minutes / (60 * 24) : 0;
        long hours = days > 0 ? minutes / 60 % 24 : minutes / 60;
        long mins = minutes % 60;
        StringBuilder sb = new StringBuilder();
        if (days > 0) {
            sb.append(days).append(" 天");
        }
        if (hours > 0) {
            sb.append(sb.isEmpty() ? "" : " ").append(hours).append(" 小时");
        }
        if (mins > 0 || sb.isEmpty()) {
            sb.append(sb.isEmpty() ? "" : " ").append(mins).append(" 分钟");
        }
        return sb.toString();
    }

    public String name(String userId) {
        return userId == null ? "—" : config.person(userId).name();
    }

    /** "故障单 #12 · II级（系统严重故障）· 票据开具 · 处理中". */
    public String headline(Incident i) {
        return text("incident.headline", "ref", i.ref(), "level", i.severity().describe(), "area", i.area().label(),
                "status", i.status().label());
    }

    public String reporters(java.util.List<Reporter> reporters) {
        return reporters.stream().map(r -> name(r.userId())).distinct().collect(Collectors.joining("、"));
    }
}
