package cn.ebillops.llm;

import dev.langchain4j.invocation.InvocationParameters;
import dev.langchain4j.service.UserMessage;

/**
 * The LangChain4j AI service. {@code parameters} carries the {@link ToolContext} (caller and
 * facts) to the tools; it is never sent to the model.
 */
interface OpsAgent {

    String answer(@UserMessage String message, InvocationParameters parameters);
}
