package cn.ebillops.llm;

import cn.ebillops.config.Person;
import dev.langchain4j.invocation.InvocationParameters;
import java.util.Optional;

/**
 * The one authorization gate of the tools. Staff may report, ask and see status; engineers
 * (and admins) may also inspect and change incidents; no tool deletes anything.
 */
final class ToolGuard {

    /** What a tool needs. */
    public enum Permission {
        /** Ask questions, see status, look up duty: everyone. */
        ASK,
        /** Run an inspection, change an incident: engineers and admins. */
        OPERATE
    }

    private ToolGuard() {
    }

    /**
     * The caller's context when allowed; otherwise records a refusal as a fact and returns empty.
     * {@code what} names the action in Chinese for the refusal message.
     */
    public static Optional<ToolContext> allow(InvocationParameters parameters, Permission permission, String what) {
        Optional<ToolContext> context = ToolContext.of(parameters);
        if (context.isEmpty()) {
            return Optional.empty();
        }
        Person caller = context.get().caller();
        boolean ok = permission == Permission.ASK || caller.role().isEngineer();
        if (!ok) {
            context.get().refuse("未执行「%s」：%s（%s）没有这个权限，需要运维工程师操作。"
                    .formatted(what, caller.name(), caller.role().label()));
        }
        return ok ? context : Optional.empty();
    }

    /** The text a refused tool call returns to the model. */
    public static String refusal(String what) {
        return "无权限：未执行「%s」。提问人不是运维工程师，只有运维工程师可以执行此操作。请如实告知用户，不要尝试其他方式。".formatted(what);
    }
}
