package cn.ebillops.assistant.command;

import cn.ebillops.channel.Reply;
import org.springframework.modulith.NamedInterface;

/**
 * The handler of a slash command: one bean per command, declared by {@link ChatCommand} on its class.
 * Authorization belongs in the service the command calls, not only here.
 */
@NamedInterface("command")
@FunctionalInterface
public interface Command {

    Reply execute(CommandContext context);
}
