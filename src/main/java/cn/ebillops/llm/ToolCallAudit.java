package cn.ebillops.llm;

import cn.ebillops.audit.AuditEntry;
import cn.ebillops.audit.AuditTrail;
import dev.langchain4j.service.tool.ToolExecution;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every tool call of the model on the audit trail, as LangChain4j reports it after the call: who asked
 * (the answer's {@link ToolContext}, never the model's arguments), the route of that message, the tool and
 * its arguments, and what it returned (a refusal included). The calls run on the model's threads, so the
 * route comes from the request id ("console:…", "wecom-app:…"), not from the handling thread.
 */
final class ToolCallAudit implements Consumer<ToolExecution> {

    static final int RESULT_CHARS = 300;

    private final AuditTrail trail;

    ToolCallAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void accept(ToolExecution call) {
        Optional<ToolContext> context = Optional.ofNullable(call.invocationContext())
                .flatMap(c -> ToolContext.of(c.invocationParameters()));
        String actor = context.map(c -> c.caller().userId()).orElse("model");
        String route = context.map(c -> c.requestId().substring(0, Math.max(0, c.requestId().indexOf(':'))))
                .filter(r -> !r.isEmpty()).orElse(null);
        String result = call.result() == null ? "" : call.result();
        if (result.length() > RESULT_CHARS) {
            result = result.substring(0, RESULT_CHARS) + "…";
        }
        trail.record(new AuditEntry(actor, route, "tool." + call.request().name(), call.request().name(), null,
                call.request().arguments(), call.hasFailed() ? "失败：" + result : result));
    }
}
