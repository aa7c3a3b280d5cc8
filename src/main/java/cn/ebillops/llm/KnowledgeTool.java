package cn.ebillops.llm;

import cn.ebillops.llm.ToolGuard.Permission;
import cn.ebillops.knowledge.ConsultationHandler;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import org.springframework.stereotype.Component;

/** Knowledge search for the model: the same answer a CONSULTATION message gets offline. */
@Component
class KnowledgeTool implements AgentTool {

    private final ConsultationHandler knowledge;

    public KnowledgeTool(ConsultationHandler knowledge) {
        this.knowledge = knowledge;
    }

    @Tool(name = "searchKnowledge", value = "在运维知识库中查找电子票据系统的操作说明，如冲红、换开纸质票据、补打、重新推送、"
            + "修改交付手机号、新增收费员、权限设置、票据领用、作废、核销、对账报表。返回知识库原文或“不确定”及联系人。")
    public String searchKnowledge(@P(name = "question", value = "要查的问题，用中文") String question,
                                  InvocationParameters parameters) {
        if (ToolGuard.allow(parameters, Permission.ASK, "查询知识库").isEmpty()) {
            return ToolGuard.refusal("查询知识库");
        }
        return knowledge.answer(question == null ? "" : question);
    }
}
