/**
 * The conversation core: understands a message offline (sub-package {@code nlu}: intent, level, area,
 * entities), routes it to the feature module that registered an {@link cn.ebillops.assistant.IntentHandler}
 * or a chat command (sub-package {@code command}), de-duplicates redeliveries and keeps the conversation log.
 * Knows no feature module: features plug in through the SPI, so the core never changes for a new one.
 * Named interfaces {@code nlu} and {@code command} are the parts feature modules may use.
 */
@ApplicationModule(displayName = "对话核心 assistant", allowedDependencies = {"channel", "config", "contract", "infra", "web", "wording"})
package cn.ebillops.assistant;

import org.springframework.modulith.ApplicationModule;
