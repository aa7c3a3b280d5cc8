package cn.ebillops.assistant.command;

import cn.ebillops.assistant.command.CommandRegistry.Registered;
import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.channel.Reply;
import cn.ebillops.config.Role;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Lists every registered command; lazy registry because help is itself a command. */
@Component
@ChatCommand(value = SlashCommand.HELP, usage = "/help", help = "列出所有命令")
class HelpCommand implements Command {

    private final CommandRegistry registry;

    public HelpCommand(@Lazy CommandRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Reply execute(CommandContext context) {
        StringBuilder sb = new StringBuilder("**可用命令**\n");
        for (Registered c : registry.all()) {
            sb.append("> `").append(c.usage()).append("` ").append(c.help()).append(audience(c.requires())).append('\n');
        }
        sb.append("\n也可以直接用中文描述问题，例如“开票失败”“国庆谁值班”“帮忙巡检一下”。");
        return Reply.of(sb.toString());
    }

    private static String audience(Role requires) {
        return switch (requires) {
            case STAFF -> "";
            case ENGINEER -> "（仅工程师、管理员）";
            case ADMIN -> "（仅管理员）";
        };
    }
}
