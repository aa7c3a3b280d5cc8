package cn.ebillops.incident.chat;

import cn.ebillops.assistant.command.ChatCommand;
import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.config.Role;
import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentService;
import cn.ebillops.incident.IncidentTexts;
import org.springframework.stereotype.Component;

/** /resolve [N] 原因. */
@Component
@ChatCommand(value = SlashCommand.RESOLVE, usage = "/resolve [编号] 原因",
        help = "登记故障已解决并写明原因", requires = Role.ENGINEER)
class ResolveCommand extends IncidentCommand {

    private final IncidentService service;
    private final IncidentTexts texts;

    ResolveCommand(IncidentService service, IncidentTexts texts) {
        this.service = service;
        this.texts = texts;
    }

    @Override
    String run(CommandContext context, NumberedArgs args) {
        Incident target = service.target(args.number(), context.chatId());
        Incident i = service.resolve(target.number(), context.caller(), args.rest());
        return texts.text("incident.resolved", "headline", texts.headline(i), "cause", i.cause(), "number", i.number());
    }
}
