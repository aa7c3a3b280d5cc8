package cn.ebillops.incident.chat;

import cn.ebillops.assistant.command.ChatCommand;
import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.config.Role;
import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentException;
import cn.ebillops.incident.IncidentService;
import cn.ebillops.incident.IncidentTexts;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** /remote [N] no: the fault cannot be solved remotely, the 4-hour on-site clock starts. */
@Component
@ChatCommand(value = SlashCommand.REMOTE, usage = "/remote [编号] no",
        help = "标记无法远程解决，开始 4 小时上门计时（同 /ack 编号 需上门）", requires = Role.ENGINEER)
class RemoteCommand extends IncidentCommand {

    private static final Pattern NO = Pattern.compile("no|否|不能|无法|不行", Pattern.CASE_INSENSITIVE);

    private final IncidentService service;
    private final IncidentTexts texts;

    RemoteCommand(IncidentService service, IncidentTexts texts) {
        this.service = service;
        this.texts = texts;
    }

    @Override
    String run(CommandContext context, NumberedArgs args) {
        if (!NO.matcher(args.rest()).find()) {
            throw new IncidentException(texts.text("incident.remote.usage"));
        }
        Incident target = service.target(args.number(), context.chatId());
        Incident i = service.requireOnsite(target.number(), context.caller());
        return texts.text("incident.remote.required", "headline", texts.headline(i),
                "deadline", texts.time(i.onsiteDeadline()), "number", i.number());
    }
}
