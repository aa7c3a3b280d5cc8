package cn.ebillops.incident.chat;

import cn.ebillops.assistant.command.ChatCommand;
import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.incident.IncidentException;
import cn.ebillops.incident.IncidentService;
import cn.ebillops.incident.IncidentTexts;
import org.springframework.stereotype.Component;

/** /incident: open incidents; /incident N: one incident with its timeline. */
@Component
@ChatCommand(value = SlashCommand.INCIDENT, usage = "/incident [编号]",
        help = "列出未关闭的故障单；带编号时显示该单的时间线")
class IncidentListCommand extends IncidentCommand {

    private final IncidentService service;
    private final IncidentViews views;
    private final IncidentTexts texts;
    private final DashboardLinks links;

    IncidentListCommand(IncidentService service, IncidentViews views, IncidentTexts texts, DashboardLinks links) {
        this.links = links;
        this.service = service;
        this.views = views;
        this.texts = texts;
    }

    @Override
    String run(CommandContext context, NumberedArgs args) {
        if (args.number().isEmpty()) {
            if (!args.rest().isBlank()) {
                throw new IncidentException(texts.text("incident.view.usage"));
            }
            return views.openList();
        }
        long n = args.number().get();
        return views.timeline(service.find(n).orElseThrow(() -> new IncidentException(
                texts.text("incident.refused.notFound", "number", n)))) + links.incident(n);
    }
}
