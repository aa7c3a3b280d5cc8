package cn.ebillops.llm;

import cn.ebillops.llm.ToolGuard.Permission;
import cn.ebillops.incident.chat.IncidentViews;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import org.springframework.stereotype.Component;

/** Current health and open incidents (the same text as /status), for everyone; kept as a fact. */
@Component
class StatusTool implements AgentTool {

    private final IncidentViews views;

    public StatusTool(IncidentViews views) {
        this.views = views;
    }

    @Tool(name = "systemStatus", value = "查询系统当前状态：关键功能最近一次探测结果、本月可用率、未关闭的故障单。")
    public String systemStatus(InvocationParameters parameters) {
        var context = ToolGuard.allow(parameters, Permission.ASK, "查询系统状态");
        if (context.isEmpty()) {
            return ToolGuard.refusal("查询系统状态");
        }
        String text = views.status();
        context.get().addFact(text);
        return text;
    }
}
