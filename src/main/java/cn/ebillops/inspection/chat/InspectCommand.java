package cn.ebillops.inspection.chat;

import cn.ebillops.assistant.command.Command;
import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.assistant.nlu.SlashCommand;
import cn.ebillops.channel.Reply;
import cn.ebillops.inspection.InspectionScope;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** /inspect [ebill|db|backup|disk|logs|signing|pages …]: the contract's inspection, all or a part. */
@Component
class InspectCommand implements Command {

    private final ChatInspection inspection;

    public InspectCommand(ChatInspection inspection) {
        this.inspection = inspection;
    }

    @Override
    public SlashCommand declaration() {
        return SlashCommand.INSPECT;
    }

    @Override
    public String usage() {
        return "/inspect [ebill|db|backup|disk|logs|signing|pages]";
    }

    @Override
    public String summary() {
        return "按合同巡检项目立即巡检（可只查一部分），回复摘要和 Word 报告";
    }

    @Override
    public Reply execute(CommandContext context) {
        Set<InspectionScope> scopes = EnumSet.noneOf(InspectionScope.class);
        for (String arg : context.argList()) {
            Optional<InspectionScope> s = ScopeWords.fromArg(arg);
            if (s.isEmpty()) {
                return Reply.of("不认识的巡检范围“%s”。用法：`%s`\n> ebill 票据平台接口与功能、db 数据库表空间、backup 备份、disk 磁盘、logs 日志、signing 签名验签服务器、pages 页面与后台；不带参数为全面巡检。"
                        .formatted(arg, usage()));
            }
            scopes.add(s.get());
        }
        return inspection.run(context.turn(), scopes);
    }
}
