/**
 * bot-config: the hospital, its people with roles and WeCom ids, chat groups; loaded and validated at start
 * and on reload. Depends on no other module.
 */
@ApplicationModule(displayName = "机器人配置 config", allowedDependencies = {})
package cn.ebillops.config;

import org.springframework.modulith.ApplicationModule;
