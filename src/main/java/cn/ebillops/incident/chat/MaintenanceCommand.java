package cn.ebillops.incident.chat;

import cn.ebillops.assistant.command.ChatCommand;
import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.incident.IncidentException;
import cn.ebillops.incident.IncidentTexts;
import cn.ebillops.incident.availability.AvailabilityService;
import cn.ebillops.incident.availability.MaintenanceWindow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.stereotype.Component;

/** /maintenance: list announced windows; /maintenance 2026-12-01T22:00 2026-12-02T02:00 说明: announce one. */
@Component
@ChatCommand(value = SlashCommand.MAINTENANCE, usage = "/maintenance [开始 结束 说明]",
        help = "查看或登记计划维护窗口（不计入可用率），时间如 2026-12-01T22:00")
class MaintenanceCommand extends IncidentCommand {

    private final AvailabilityService availability;
    private final IncidentTexts texts;
    private final Clock clock;

    MaintenanceCommand(AvailabilityService availability, IncidentTexts texts, Clock clock) {
        this.availability = availability;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    String run(CommandContext context, NumberedArgs ignored) {
        List<String> args = context.argList();
        if (args.isEmpty()) {
            List<MaintenanceWindow> windows = availability.maintenanceWindows().stream()
                    .filter(w -> w.to().isAfter(clock.instant().minus(java.time.Duration.ofDays(31)))).toList();
            if (windows.isEmpty()) {
                return texts.text("incident.maintenance.none");
            }
            StringBuilder lines = new StringBuilder();
            windows.forEach(w -> lines.append(texts.text("incident.maintenance.line", "from", texts.time(w.from()),
                    "to", texts.time(w.to()), "note", w.note())));
            return texts.text("incident.maintenance.list", "lines", lines).strip();
        }
        if (args.size() < 2) {
            throw new IncidentException(texts.text("incident.maintenance.usage"));
        }
        Instant from = parse(args.get(0));
        Instant to = parse(args.get(1));
        String note = String.join(" ", args.subList(2, args.size()));
        MaintenanceWindow w = availability.addMaintenance(context.caller(), from, to, note);
        return texts.text("incident.maintenance.registered", "from", texts.time(w.from()), "to", texts.time(w.to()),
                "note", w.note());
    }

    private Instant parse(String s) {
        try {
            return LocalDateTime.parse(s).atZone(clock.getZone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IncidentException(texts.text("incident.maintenance.badTime", "value", s));
        }
    }
}
