package cn.ebillops.incident.chat;

import cn.ebillops.assistant.command.Command;
import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.channel.Reply;
import cn.ebillops.incident.IncidentException;

/** Base of the incident commands: a refusal from the service becomes the answer as is. */
abstract class IncidentCommand implements Command {

    @Override
    public final Reply execute(CommandContext context) {
        try {
            return Reply.of(run(context, NumberedArgs.parse(context.args())));
        } catch (IncidentException e) {
            return Reply.of(e.getMessage());
        }
    }

    abstract String run(CommandContext context, NumberedArgs args);
}
