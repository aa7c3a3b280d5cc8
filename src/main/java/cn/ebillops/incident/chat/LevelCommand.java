package cn.ebillops.incident.chat;

import cn.ebillops.assistant.command.ChatCommand;
import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.config.Role;
import cn.ebillops.contract.Severity;
import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentException;
import cn.ebillops.incident.IncidentService;
import cn.ebillops.incident.IncidentTexts;
import org.springframework.stereotype.Component;

/** /level [N] I|II|III. */
@Component
@ChatCommand(value = SlashCommand.LEVEL, usage = "/level [编号] I|II|III",
        help = "调整故障级别（I 系统瘫痪、宕机；II 系统严重故障；III 一般故障）", requires = Role.ENGINEER)
class LevelCommand extends IncidentCommand {

    private final IncidentService service;
    private final IncidentTexts texts;

    LevelCommand(IncidentService service, IncidentTexts texts) {
        this.service = service;
        this.texts = texts;
    }

    @Override
    String run(CommandContext context, NumberedArgs args) {
        if (args.rest().isBlank()) {
            throw new IncidentException(texts.text("incident.level.missing"));
        }
        Severity severity;
        try {
            severity = Severity.parse(args.rest());
        } catch (IllegalArgumentException e) {
            throw new IncidentException(e.getMessage());
        }
        Incident target = service.target(args.number(), context.chatId());
        Incident i = service.changeLevel(target.number(), context.caller(), severity);
        return texts.text("incident.level.changed", "headline", texts.headline(i),
                "resolutionDeadline", texts.time(i.resolutionDeadline()), "loaner", i.loanerDeadline() == null ? ""
                        : texts.text("incident.level.loaner", "deadline", texts.time(i.loanerDeadline())));
    }
}
