package cn.ebillops.llm;

import cn.ebillops.llm.ToolGuard.Permission;
import cn.ebillops.incident.IncidentActions;
import cn.ebillops.incident.IncidentActions.Action;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Changes one incident (接单 / 已到场 / 已解决), engineers only; the actor is the sender of the
 * message. There is no delete and no bulk action: one call changes one incident.
 */
@Component
class IncidentTool implements AgentTool {

    private final IncidentActions incidents;

    public IncidentTool(IncidentActions incidents) {
        this.incidents = incidents;
    }

    @Tool(name = "updateIncident", value = "更新一张故障单的处理状态：ACK 接单、ONSITE 已到场、RESOLVE 已解决。"
            + "仅运维工程师可用；每次只能操作一张，不能删除。")
    public String updateIncident(@P(name = "number", value = "故障单号") long number,
                                 @P(name = "action", value = "ACK、ONSITE 或 RESOLVE") String action,
                                 @P(name = "note", value = "处理说明", required = false) String note,
                                 InvocationParameters parameters) {
        String what = "更新故障单 #" + number;
        var context = ToolGuard.allow(parameters, Permission.OPERATE, what);
        if (context.isEmpty()) {
            return ToolGuard.refusal(what);
        }
        Action parsed;
        try {
            parsed = Action.valueOf(action == null ? "" : action.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String text = "未执行「%s」：不支持的操作 %s（只能 ACK、ONSITE、RESOLVE，助手不能删除故障单）。".formatted(what, action);
            context.get().addFact(text);
            return text;
        }
        IncidentActions.Outcome outcome = incidents.act(parsed, number, context.get().caller(),
                note == null ? "" : note);
        if (outcome.done()) {
            context.get().acted(parsed);
        }
        context.get().addFact(outcome.reply().markdown());
        return outcome.reply().markdown();
    }
}
