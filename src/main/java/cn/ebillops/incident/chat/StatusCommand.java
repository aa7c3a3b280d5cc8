package cn.ebillops.incident.chat;

import cn.ebillops.assistant.command.ChatCommand;
import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.assistant.nlu.SlashCommand;
import org.springframework.stereotype.Component;

/** /status. */
@Component
@ChatCommand(value = SlashCommand.STATUS, usage = "/status",
        help = "当前系统状态：关键功能探测、本月可用率、未关闭故障单")
class StatusCommand extends IncidentCommand {

    private final IncidentViews views;
    private final DashboardLinks links;

    StatusCommand(IncidentViews views, DashboardLinks links) {
        this.views = views;
        this.links = links;
    }

    @Override
    String run(CommandContext context, NumberedArgs args) {
        return views.status() + links.now();
    }
}
