package cn.ebillops.incident.chat;

import cn.ebillops.assistant.command.ChatCommand;
import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.incident.IncidentService;
import org.springframework.stereotype.Component;

/** /cancel [N] [原因]: withdraws an incident opened by mistake (its reporter or an engineer). */
@Component
@ChatCommand(value = SlashCommand.CANCEL, usage = "/cancel [编号] [原因]",
        help = "撤销误报的故障单（报告人、工程师）")
class CancelCommand extends IncidentCommand {

    private final IncidentService service;
    private final IncidentWithdrawal withdrawal;

    CancelCommand(IncidentService service, IncidentWithdrawal withdrawal) {
        this.service = service;
        this.withdrawal = withdrawal;
    }

    @Override
    String run(CommandContext context, NumberedArgs args) {
        // without a number: the caller's own newest open report, else the chat's only open incident
        long number = args.number().orElseGet(() -> service.activeFor(context.caller().userId(), context.chatId())
                .filter(i -> i.status().isOpen())
                .orElseGet(() -> service.target(args.number(), context.chatId())).number());
        return withdrawal.withdraw(number, context.caller(), args.rest());
    }
}
