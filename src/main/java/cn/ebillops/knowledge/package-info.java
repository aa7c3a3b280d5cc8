/**
 * Answers to how-to and consultation questions from the knowledge base in bot-config, and who to ask.
 */
@ApplicationModule(displayName = "知识库 knowledge", allowedDependencies = {"assistant", "assistant :: nlu", "assistant :: command", "channel", "config", "duty", "infra", "wording"})
package cn.ebillops.knowledge;

import org.springframework.modulith.ApplicationModule;
