package cn.ebillops.llm;

import cn.ebillops.llm.ToolGuard.Permission;
import cn.ebillops.inspection.InspectionGate;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.InspectionSummary;
import cn.ebillops.wording.Wording;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Runs an inspection, engineers only, through the same single-run guard as the chat command
 * ({@link InspectionGate}): one at a time, and on the gate's thread, so the model's whole-answer
 * deadline never cuts an inspection short; the offline answer to the same message joins it. The
 * result text is produced here from the check results and kept as a fact: the model may
 * summarise it but the user always sees the real figures.
 */
@Component
class InspectionTool implements AgentTool {

    private final InspectionGate gate;
    private final Wording wording;

    public InspectionTool(InspectionGate gate, Wording wording) {
        this.gate = gate;
        this.wording = wording;
    }

    @Tool(name = "runInspection", value = "运行巡检（真实检查），返回每项检查的结论。仅运维工程师可用。"
            + "范围：ALL 全部、EBILL 电子票据平台接口与功能、DB 数据库表空间、BACKUP 数据备份、DISK 服务器磁盘、"
            + "LOGS 系统日志、SIGNING 签名验签服务器、PAGES 系统页面与后台。")
    public String runInspection(@P(name = "scope", value = "巡检范围代码，如 ALL、EBILL、SIGNING", required = false) String scope,
                                InvocationParameters parameters) {
        var context = ToolGuard.allow(parameters, Permission.OPERATE, "巡检");
        if (context.isEmpty()) {
            return ToolGuard.refusal("巡检");
        }
        Optional<InspectionScope> parsed = scope == null || scope.isBlank()
                ? Optional.of(InspectionScope.ALL) : InspectionScope.parse(scope);
        if (parsed.isEmpty()) {
            return "未知的巡检范围：%s。可用：%s".formatted(scope,
                    Arrays.stream(InspectionScope.values()).map(Enum::name).collect(Collectors.joining("、")));
        }
        Optional<CompletableFuture<InspectionRun>> started = gate.start(context.get().requestId(), Set.of(parsed.get()),
                "llm:" + context.get().caller().userId());
        if (started.isEmpty()) {
            // the fact is what the user reads, in the chat command's words
            String busy = wording.text("inspection.busy");
            context.get().addFact(busy);
            return "未执行：" + busy + "请如实告诉用户，不要重试。";
        }
        Optional<InspectionRun> run;
        try {
            run = gate.await(started.get());
        } catch (InterruptedException e) {
            // the answer's deadline passed: the inspection goes on, the offline answer joins it
            Thread.currentThread().interrupt();
            return "巡检仍在进行。";
        }
        if (run.isEmpty()) {
            return "巡检仍在进行，已超过等待时限；完成后结果会照常存档。";
        }
        String text = describe(run.get());
        context.get().addFact(text);
        return text;
    }

    static String describe(InspectionRun run) {
        String scopes = run.scopes().stream().map(InspectionScope::label).sorted().collect(Collectors.joining("、"));
        // the counts are in the findings' first line, in the chat summary's words
        return "巡检 #%d（%s）：总体%s。\n".formatted(run.id(), scopes, run.overall().label())
                + InspectionSummary.findings(run, InspectionSummary.MAX_BYTES).strip();
    }
}
