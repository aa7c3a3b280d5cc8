package cn.ebillops.assistant.command;

import cn.ebillops.assistant.nlu.Intent;
import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.channel.Reply;
import org.springframework.modulith.NamedInterface;

/**
 * A slash command. Each is one bean; /help lists them from the registry so help cannot drift.
 * Authorization belongs in the service the command calls, not only here.
 */
@NamedInterface("command")
public interface Command {

    /** Which command this is: its name and intent live in that one table, which the classifier reads too. */
    SlashCommand declaration();

    /** Name without the slash, lower case, e.g. "inspect". */
    default String name() {
        return declaration().commandName();
    }

    /** Usage line shown in /help, e.g. "/inspect [ebill|db|backup|disk|logs|signing|pages]". */
    String usage();

    /** One Chinese sentence for /help. */
    String summary();

    /** The intent this command stands for (GUIDELINES: /inspect → INSPECTION_REQUEST…). */
    default Intent intent() {
        return declaration().intent();
    }

    Reply execute(CommandContext context);
}
