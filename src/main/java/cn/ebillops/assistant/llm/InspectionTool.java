package cn.ebillops.assistant.llm;

import cn.ebillops.assistant.llm.ToolGuard.Permission;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.Inspector;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs an inspection through the deterministic {@link Inspector}, engineers only. The result
 * text is produced here from the check results and kept as a fact: the model may summarise it
 * but the user always sees the real figures.
 */
@Component
public class InspectionTool implements AgentTool {

    static final int MAX_LISTED_PROBLEMS = 10;

    private final ObjectProvider<Inspector> inspector;

    public InspectionTool(ObjectProvider<Inspector> inspector) {
        this.inspector = inspector;
    }

    @Override
    public boolean available() {
        return inspector.getIfAvailable() != null;
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
        InspectionRun run = inspector.getObject().run(Set.of(parsed.get()), "llm:" + context.get().caller().userId());
        String text = describe(run);
        context.get().addFact(text);
        return text;
    }

    static String describe(InspectionRun run) {
        List<CheckResult> problems = run.problems();
        String scopes = run.scopes().stream().map(InspectionScope::label).sorted().collect(Collectors.joining("、"));
        StringBuilder sb = new StringBuilder("巡检 #%d（%s）：总体%s，共 %d 项，问题 %d 项。"
                .formatted(run.id(), scopes, run.overall().label(), run.results().size(), problems.size()));
        problems.stream().limit(MAX_LISTED_PROBLEMS).forEach(r -> {
            sb.append("\n- [").append(r.status().label()).append("] ").append(r.name());
            if (!r.target().isBlank()) {
                sb.append("（").append(r.target()).append("）");
            }
            if (!r.evidence().isBlank()) {
                sb.append("：").append(r.evidence());
            }
            if (!r.suggestion().isBlank()) {
                sb.append("；建议：").append(r.suggestion());
            }
        });
        if (problems.size() > MAX_LISTED_PROBLEMS) {
            sb.append("\n- 另有 %d 项问题，见巡检报告。".formatted(problems.size() - MAX_LISTED_PROBLEMS));
        }
        return sb.toString();
    }
}
