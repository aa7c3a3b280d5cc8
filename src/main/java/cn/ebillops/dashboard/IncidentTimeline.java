package cn.ebillops.dashboard;

import cn.ebillops.config.BotConfig;
import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentEvent;
import cn.ebillops.incident.IncidentService;
import cn.ebillops.incident.clock.SlaClock;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * One incident for the dashboard: its facts, every SLA clock (deadline, when it stopped, kept or missed), who
 * reported it, and the timeline the incident module keeps (reports, acknowledgement, on-site, resolution, reminders
 * and escalations sent), each entry with a Chinese label for its kind.
 */
@Component
class IncidentTimeline {

    /** The kinds the incident module records; an unknown kind is shown by its name rather than hidden. */
    static final Map<String, String> KINDS = Map.ofEntries(Map.entry("REPORTED", "报告"), Map.entry("MONITOR", "监控发现"),
            Map.entry("OPENED", "建单"), Map.entry("NOTIFIED", "已通知"), Map.entry("NOTIFY_FAILED", "通知失败"),
            Map.entry("DIAGNOSIS", "自动检查"), Map.entry("ACKNOWLEDGED", "接单"), Map.entry("ONSITE_REQUIRED", "需上门"),
            Map.entry("ONSITE", "到场"), Map.entry("RESOLVED", "解决"), Map.entry("CLOSED", "关闭"),
            Map.entry("WITHDRAWN", "撤销"), Map.entry("LEVEL", "调整级别"), Map.entry("SERVICE_STOPPED", "服务中断"),
            Map.entry("CONFIRMED", "确认"), Map.entry("STILL_FAILING", "仍未恢复"), Map.entry("REMINDER", "时限提醒"),
            Map.entry("ESCALATED", "升级"));

    record ClockState(String clock, String label, Instant deadline, Instant stoppedAt, boolean running, boolean breached,
                      SlaClocks.Colour colour) {
    }

    record ReporterView(String name, String chat, Instant at, String text) {
    }

    record Entry(Instant at, String kind, String kindLabel, String actor, String note) {
    }

    record Detail(long number, String level, String area, String status, boolean open, String source, String summary,
                  Instant openedAt, String handler, Instant acknowledgedAt, Instant onsiteAt, Instant resolvedAt,
                  String cause, Instant closedAt, List<ClockState> clocks, List<ReporterView> reporters,
                  List<Entry> timeline) {
    }

    private final IncidentService incidents;
    private final BotConfig config;
    private final Clock clock;

    IncidentTimeline(IncidentService incidents, BotConfig config, Clock clock) {
        this.incidents = incidents;
        this.config = config;
        this.clock = clock;
    }

    Detail detail(Incident i) {
        Instant now = clock.instant();
        List<SlaClocks.Running> running = SlaClocks.of(i, now);
        List<ClockState> clocks = Arrays.stream(SlaClock.values()).filter(c -> i.deadline(c).isPresent())
                .map(c -> new ClockState(c.name(), c.label(), i.deadline(c).get(), i.stoppedAt(c),
                        i.runningDeadline(c).isPresent(), i.breached(c, now), running.stream()
                        .filter(r -> r.clock().equals(c.name())).map(SlaClocks.Running::colour).findFirst().orElse(null)))
                .toList();
        List<ReporterView> reporters = incidents.reporters(i.number()).stream()
                .map(r -> new ReporterView(name(r.userId()), config.group(r.chatId()).map(g -> g.name()).orElse(r.chatId()),
                        r.reportedAt(), r.textMasked())).toList();
        List<Entry> timeline = incidents.timeline(i.number()).stream().map(this::entry).toList();
        return new Detail(i.number(), i.severity().label(), i.area().label(), i.status().label(), i.status().isOpen(),
                i.source() == Incident.Source.MONITOR ? "监控" : "报告", i.summary(), i.openedAt(), name(i.acknowledgedBy()),
                i.acknowledgedAt(), i.onsiteAt(), i.resolvedAt(), i.cause(), i.closedAt(), clocks, reporters, timeline);
    }

    private Entry entry(IncidentEvent e) {
        return new Entry(e.at(), e.kind(), KINDS.getOrDefault(e.kind(), e.kind()), name(e.actor()), e.note());
    }

    /** A bot-config person by name; the assistant and the monitor as themselves. */
    private String name(String userId) {
        if (userId == null) {
            return null;
        }
        return switch (userId) {
            case "assistant" -> "运维助手";
            case "monitor" -> "监控";
            default -> config.person(userId).name();
        };
    }
}
