/**
 * Chat wording: the Chinese texts the assistant posts, as templates with named placeholders
 * ({@code ${number}}); defaults in {@code wording/zh-CN.yml}, the hospital's overrides in
 * bot-config/wording.yml, validated at start and on reload.
 */
@ApplicationModule(displayName = "话术 wording", allowedDependencies = {"config"})
package cn.ebillops.wording;

import org.springframework.modulith.ApplicationModule;
