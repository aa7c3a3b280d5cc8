package cn.ebillops.inspection.chat;

import cn.ebillops.assistant.command.ChatCommand;
import cn.ebillops.assistant.command.Command;
import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.channel.Reply;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.wording.Wording;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** /inspect [ebill|db|backup|disk|logs|signing|pages …]: the contract's inspection, all or a part. */
@Component
@ChatCommand(value = SlashCommand.INSPECT, usage = InspectCommand.USAGE,
        help = "按合同巡检项目立即巡检（可只查一部分），回复摘要和 Word 报告")
class InspectCommand implements Command {

    static final String USAGE = "/inspect [ebill|db|backup|disk|logs|signing|pages]";

    private final ChatInspection inspection;
    private final Wording wording;

    public InspectCommand(ChatInspection inspection, Wording wording) {
        this.inspection = inspection;
        this.wording = wording;
    }

    @Override
    public Reply execute(CommandContext context) {
        Set<InspectionScope> scopes = EnumSet.noneOf(InspectionScope.class);
        for (String arg : context.argList()) {
            Optional<InspectionScope> s = ScopeWords.fromArg(arg);
            if (s.isEmpty()) {
                return Reply.of(wording.text("inspection.unknownScope", "scope", arg, "usage", USAGE));
            }
            scopes.add(s.get());
        }
        return inspection.run(context.turn(), scopes);
    }
}
