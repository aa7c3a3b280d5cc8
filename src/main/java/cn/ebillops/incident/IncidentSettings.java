package cn.ebillops.incident;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigNode;
import cn.ebillops.contract.Severity;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Incident settings from bot-config/incident.yaml (optional file: every key has the contract's
 * default). Validated at start; errors name file, key, value and what is allowed.
 */
public record IncidentSettings(Duration mergeWindow, Optional<String> notifyChat, Duration responseDeadline,
                               Duration onsiteDeadline, Map<Severity, Duration> resolutionTargets,
                               Duration loanerSevere, Duration loanerGeneral, Duration reminderBefore,
                               List<EscalationStep> escalationSteps, boolean escalateDirect, boolean escalateGroup,
                               boolean probeEnabled, Duration probeInterval, double availabilityTarget,
                               boolean monitorEnabled, List<String> monitorTriggers,
                               List<ConfiguredMaintenance> maintenance) {

    public static final String FILE = "incident.yaml";

    /** Who is called at a step of an escalation, counted from the deadline. */
    public enum Target { ENGINEER, BACKUP, MANAGER }

    public record EscalationStep(Duration after, Target to) {
    }

    public record ConfiguredMaintenance(LocalDateTime from, LocalDateTime to, String note) {
    }

    public IncidentSettings {
        resolutionTargets = Map.copyOf(resolutionTargets);
        escalationSteps = List.copyOf(escalationSteps);
        monitorTriggers = List.copyOf(monitorTriggers);
        maintenance = List.copyOf(maintenance);
    }

    public Duration resolutionTarget(Severity severity) {
        return resolutionTargets.get(severity);
    }

    public static IncidentSettings load(BotConfigFiles files) {
        return from(files.readOptional(FILE));
    }

    public static IncidentSettings defaults() {
        return from(BotConfigFiles.parse(FILE, java.io.InputStream.nullInputStream()));
    }

    public static IncidentSettings from(ConfigNode root) {
        Duration merge = positive(root, "mergeWindow", Duration.ofMinutes(15));
        ConfigNode clocks = root.child("clocks");
        Duration response = positive(clocks, "response", Duration.ofMinutes(30));
        Duration onsite = positive(clocks, "onsite", Duration.ofHours(4));
        ConfigNode res = clocks.child("resolution");
        Map<Severity, Duration> resolution = new EnumMap<>(Severity.class);
        resolution.put(Severity.I, positive(res, "I", Duration.ofHours(4)));
        resolution.put(Severity.II, positive(res, "II", Duration.ofHours(8)));
        resolution.put(Severity.III, positive(res, "III", Duration.ofHours(24)));
        ConfigNode loaner = clocks.child("loaner");
        Duration severe = positive(loaner, "severe", Duration.ofHours(24));
        Duration general = positive(loaner, "general", Duration.ofHours(48));
        Duration reminder = nonNegative(clocks, "reminderBefore", Duration.ofMinutes(10));

        ConfigNode esc = root.child("escalation");
        List<EscalationStep> steps = esc.children("steps").stream()
                .map(s -> new EscalationStep(nonNegative(s, "after", Duration.ZERO), s.enumValue("to", Target.class)))
                .toList();
        if (steps.isEmpty()) {
            steps = List.of(new EscalationStep(Duration.ZERO, Target.ENGINEER),
                    new EscalationStep(Duration.ofMinutes(15), Target.BACKUP),
                    new EscalationStep(Duration.ofMinutes(30), Target.MANAGER));
        }
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).after().compareTo(steps.get(i - 1).after()) < 0) {
                throw esc.error("steps[" + i + "].after", steps.get(i).after(), "不早于上一步的时长（按升级顺序排列）");
            }
        }
        ConfigNode probe = root.child("probe");
        Duration interval = positive(probe, "interval", Duration.ofMinutes(1));
        if (interval.compareTo(Duration.ofSeconds(10)) < 0) {
            throw probe.error("interval", interval, "不少于 10s");
        }
        ConfigNode monitor = root.child("monitor");
        List<String> triggers = monitor.has("triggers") ? monitor.strings("triggers")
                : List.of("schedule", "probe", "monitor");
        List<ConfiguredMaintenance> windows = root.children("maintenance").stream().map(m -> {
            LocalDateTime from = dateTime(m, "from");
            LocalDateTime to = dateTime(m, "to");
            if (!to.isAfter(from)) {
                throw m.error("to", to, "晚于 from 的时间");
            }
            return new ConfiguredMaintenance(from, to, m.string("note", "计划维护"));
        }).toList();
        return new IncidentSettings(merge, root.optionalString("notifyChat"), response, onsite, resolution, severe,
                general, reminder, steps, esc.bool("direct", true), esc.bool("group", true),
                probe.bool("enabled", true), interval, root.decimal("availabilityTarget", 99.0, 50.0, 100.0),
                monitor.bool("enabled", true), triggers, windows);
    }

    private static Duration positive(ConfigNode node, String key, Duration fallback) {
        Duration d = node.duration(key, fallback);
        if (d.isNegative() || d.isZero()) {
            throw node.error(key, d, "大于 0 的时长，如 15m、4h");
        }
        return d;
    }

    private static Duration nonNegative(ConfigNode node, String key, Duration fallback) {
        Duration d = node.duration(key, fallback);
        if (d.isNegative()) {
            throw node.error(key, d, "不小于 0 的时长，如 0m、10m");
        }
        return d;
    }

    private static LocalDateTime dateTime(ConfigNode node, String key) {
        String v = node.string(key);
        try {
            return LocalDateTime.parse(v.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw node.error(key, v, "北京时间，如 2026-12-01 22:00 或 2026-12-01T22:00");
        }
    }
}
