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

/** /ack [N] [需上门]: 接单; a note that needs a visit ({@link OnsiteNeeded}) also starts the 4-hour on-site clock. */
@Component
@ChatCommand(value = SlashCommand.ACK, usage = "/ack [编号] [需上门]",
        help = "接单（停止响应计时）；无法远程解决时加“需上门”，开始 4 小时上门计时", requires = Role.ENGINEER)
class AckCommand extends IncidentCommand {

    private final IncidentService service;
    private final IncidentTexts texts;

    AckCommand(IncidentService service, IncidentTexts texts) {
        this.service = service;
        this.texts = texts;
    }

    @Override
    String run(CommandContext context, NumberedArgs args) {
        Incident target = service.target(args.number(), context.chatId());
        boolean onsite = OnsiteNeeded.in(args.rest());
        Incident i = service.acknowledge(target.number(), context.caller(), onsite);
        StringBuilder sb = new StringBuilder(texts.text("incident.ack.done", "engineer", context.caller().name(),
                "headline", texts.headline(i)));
        if (i.onsiteDeadline() != null) {
            sb.append(texts.text("incident.ack.onsite", "deadline", texts.time(i.onsiteDeadline()),
                    "number", i.number()));
        }
        return sb.toString();
    }
}
