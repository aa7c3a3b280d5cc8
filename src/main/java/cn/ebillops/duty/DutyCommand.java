package cn.ebillops.duty;

import cn.ebillops.assistant.command.ChatCommand;
import cn.ebillops.assistant.command.Command;
import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.channel.Reply;
import org.springframework.stereotype.Component;

/** /duty, /duty 春节, /duty 2026年国庆, /duty 2026-10-01, /duty 10月1日, /duty 周末. */
@Component
@ChatCommand(value = SlashCommand.DUTY, usage = "/duty [节日名|日期|周末]",
        help = "查询值班工程师和联系方式，如 /duty 春节、/duty 2026年国庆、/duty 10月1日")
class DutyCommand implements Command {

    private final DutyAnswers answers;

    public DutyCommand(DutyAnswers answers) {
        this.answers = answers;
    }

    @Override
    public Reply execute(CommandContext context) {
        return answers.answer(context.turn().entities()); // read from the whole "/duty …" line
    }
}
