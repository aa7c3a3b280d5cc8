package cn.ebillops.incident.chat;

import cn.ebillops.assistant.command.ChatCommand;
import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.config.Role;
import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentService;
import cn.ebillops.incident.IncidentTexts;
import cn.ebillops.incident.OnsiteNeeded;
import org.springframework.stereotype.Component;

/** /onsite [N]: the engineer has arrived (stops the on-site clock). "/onsite N 需上门" only marks it. */
@Component
@ChatCommand(value = SlashCommand.ONSITE, usage = "/onsite [编号] [需上门]",
        help = "登记已到场（停止上门计时）；加“需上门”则只标记无法远程解决", requires = Role.ENGINEER)
class OnsiteCommand extends IncidentCommand {

    private final IncidentService service;
    private final IncidentTexts texts;

    OnsiteCommand(IncidentService service, IncidentTexts texts) {
        this.service = service;
        this.texts = texts;
    }

    @Override
    String run(CommandContext context, NumberedArgs args) {
        Incident target = service.target(args.number(), context.chatId());
        if (OnsiteNeeded.in(args.rest())) {
            Incident i = service.requireOnsite(target.number(), context.caller());
            return texts.text("incident.onsite.required", "headline", texts.headline(i),
                    "deadline", texts.time(i.onsiteDeadline()));
        }
        Incident i = service.markOnsite(target.number(), context.caller());
        return texts.text("incident.onsite.arrived", "engineer", context.caller().name(), "headline", texts.headline(i));
    }
}
