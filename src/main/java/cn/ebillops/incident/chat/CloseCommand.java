package cn.ebillops.incident.chat;

import cn.ebillops.assistant.command.ChatCommand;
import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.config.Role;
import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentService;
import cn.ebillops.incident.IncidentTexts;
import org.springframework.stereotype.Component;

/** /close [N]. */
@Component
@ChatCommand(value = SlashCommand.CLOSE, usage = "/close [编号]",
        help = "关闭故障单", requires = Role.ENGINEER)
class CloseCommand extends IncidentCommand {

    private final IncidentService service;
    private final IncidentTexts texts;

    CloseCommand(IncidentService service, IncidentTexts texts) {
        this.service = service;
        this.texts = texts;
    }

    @Override
    String run(CommandContext context, NumberedArgs args) {
        Incident target = args.number().isPresent() ? service.target(args.number(), context.chatId())
                : resolvedOrOpen(context.chatId());
        Incident i = service.close(target.number(), context.caller());
        return texts.text("incident.close.done", "headline", texts.headline(i));
    }

    /** Without a number: the chat's newest resolved incident, else the only open one. */
    private Incident resolvedOrOpen(String chatId) {
        return service.activeFor("", chatId)
                .filter(i -> i.status() == cn.ebillops.incident.IncidentStatus.RESOLVED)
                .orElseGet(() -> service.target(java.util.Optional.empty(), chatId));
    }
}
