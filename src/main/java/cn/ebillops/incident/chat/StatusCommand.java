package cn.ebillops.incident.chat;

import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.assistant.nlu.SlashCommand;
import org.springframework.stereotype.Component;

/** /status. */
@Component
class StatusCommand extends IncidentCommand {

    private final IncidentViews views;

    StatusCommand(IncidentViews views) {
        this.views = views;
    }

    @Override
    public SlashCommand declaration() {
        return SlashCommand.STATUS;
    }

    @Override
    public String usage() {
        return "/status";
    }

    @Override
    public String summary() {
        return "当前系统状态：关键功能探测、本月可用率、未关闭故障单";
    }

    @Override
    String run(CommandContext context, NumberedArgs args) {
        return views.status();
    }
}
