package cn.ebillops.audit;

import cn.ebillops.assistant.command.ChatCommand;
import cn.ebillops.assistant.command.Command;
import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.channel.Reply;
import cn.ebillops.config.Role;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /audit [条数]} shows the newest rows; {@code /audit verify} checks the chain. Managers only. */
@Component
@ChatCommand(value = SlashCommand.AUDIT, usage = "/audit [条数|verify]",
        help = "查看最近的审计日志，或校验审计日志是否被篡改", requires = Role.ADMIN)
class AuditCommand implements Command {

    private final AuditDesk desk;

    AuditCommand(AuditDesk desk) {
        this.desk = desk;
    }

    @Override
    public Reply execute(CommandContext context) {
        List<String> args = context.argList();
        try {
            if (!args.isEmpty() && (args.get(0).equalsIgnoreCase("verify") || args.get(0).equals("校验"))) {
                return Reply.of(desk.verify(context.caller()));
            }
            int n = AuditDesk.DEFAULT_ROWS;
            if (!args.isEmpty()) {
                if (!args.get(0).matches("\\d{1,4}")) {
                    return Reply.of("用法：`/audit [条数]` 查看最近的审计日志（最多 %d 条），`/audit verify` 校验是否被篡改。"
                            .formatted(AuditDesk.MAX_ROWS));
                }
                n = Integer.parseInt(args.get(0));
            }
            return Reply.of(desk.latest(context.caller(), n));
        } catch (AuditDesk.AuditRefused e) {
            return Reply.of(e.getMessage());
        }
    }
}
