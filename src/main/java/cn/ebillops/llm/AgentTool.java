package cn.ebillops.llm;

/**
 * A group of tools the language model may call. One small Spring bean per group, with
 * LangChain4j {@code @Tool} methods that are thin adapters over one service. Each method takes
 * {@code InvocationParameters} (not visible to the model) and resolves the caller with
 * {@link ToolGuard}, so authorization is decided by the sender of the message, never by the
 * model's arguments. {@link #available()} is false when the service behind it is not installed;
 * the agent then does not offer the tool at all.
 */
interface AgentTool {

    boolean available();
}
