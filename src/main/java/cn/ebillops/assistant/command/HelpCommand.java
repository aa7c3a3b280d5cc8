package cn.ebillops.assistant.command;

import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.channel.Reply;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Lists every registered command; lazy registry because help is itself a command. */
@Component
class HelpCommand implements Command {

    private final CommandRegistry registry;

    public HelpCommand(@Lazy CommandRegistry registry) {
        this.registry = registry;
    }

    @Override
    public SlashCommand declaration() {
        return SlashCommand.HELP;
    }

    @Override
    public String usage() {
        return "/help";
    }

    @Override
    public String summary() {
        return "列出所有命令";
    }

    @Override
    public Reply execute(CommandContext context) {
        StringBuilder sb = new StringBuilder("**可用命令**\n");
        for (Command c : registry.all()) {
            sb.append("> `").append(c.usage()).append("` ").append(c.summary()).append('\n');
        }
        sb.append("\n也可以直接用中文描述问题，例如“开票失败”“国庆谁值班”“帮忙巡检一下”。");
        return Reply.of(sb.toString());
    }
}
