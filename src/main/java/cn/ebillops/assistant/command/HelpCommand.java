package cn.ebillops.assistant.command;

import cn.ebillops.assistant.command.CommandRegistry.Registered;
import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.channel.Reply;
import cn.ebillops.config.Role;
import cn.ebillops.wording.Wording;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Lists every registered command; lazy registry because help is itself a command. */
@Component
@ChatCommand(value = SlashCommand.HELP, usage = "/help", help = "列出所有命令")
class HelpCommand implements Command {

    private final CommandRegistry registry;
    private final Wording wording;

    public HelpCommand(@Lazy CommandRegistry registry, Wording wording) {
        this.registry = registry;
        this.wording = wording;
    }

    @Override
    public Reply execute(CommandContext context) {
        StringBuilder lines = new StringBuilder();
        for (Registered c : registry.all()) {
            lines.append(wording.text("assistant.help.line", "usage", c.usage(), "help", c.help(),
                    "audience", audience(c.requires())));
        }
        return Reply.of(wording.text("assistant.help.list", "lines", lines));
    }

    private String audience(Role requires) {
        return switch (requires) {
            case STAFF -> "";
            case ENGINEER -> wording.text("assistant.help.engineers");
            case ADMIN -> wording.text("assistant.help.admins");
        };
    }
}
