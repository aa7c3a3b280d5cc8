package cn.ebillops.assistant.command;

import cn.ebillops.assistant.nlu.Intent;
import cn.ebillops.channel.Reply;

/**
 * A slash command. Each is one bean; /help lists them from the registry so help cannot drift.
 * Authorization belongs in the service the command calls, not only here.
 */
public interface Command {

    /** Name without the slash, lower case, e.g. "inspect". */
    String name();

    /** Usage line shown in /help, e.g. "/inspect [ebill|db|backup|disk|logs|signing|pages]". */
    String usage();

    /** One Chinese sentence for /help. */
    String summary();

    /** The intent this command stands for (GUIDELINES: /inspect → INSPECTION_REQUEST…). */
    Intent intent();

    Reply execute(CommandContext context);
}
