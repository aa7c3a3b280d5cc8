/**
 * The optional OpenAI-compatible model (a hospital's local Qwen / DeepSeek) through LangChain4j: free-form
 * answers with tools over incidents, inspections, duty and knowledge, and improvement advice for reports.
 * The only module that touches LangChain4j's chat types; the assistant works fully without it.
 */
@ApplicationModule(displayName = "大模型 llm", allowedDependencies = {"assistant", "assistant :: nlu", "assistant :: command", "audit", "channel", "config", "duty", "incident :: views", "incident", "inspection", "knowledge", "wording"})
package cn.ebillops.llm;

import org.springframework.modulith.ApplicationModule;
