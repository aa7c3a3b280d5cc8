package cn.ebillops.llm;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when llm.base-url and llm.model are both set: the model beans exist only then. */
class LlmConfiguredCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        return !env.getProperty("llm.base-url", "").isBlank() && !env.getProperty("llm.model", "").isBlank();
    }
}
