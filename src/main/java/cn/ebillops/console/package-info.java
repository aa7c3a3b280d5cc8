/**
 * The web chat console (demo and on-site use): a page and an HTTP route that hand a message to the assistant
 * and show the replies and notices, with history kept in the database, and per person the direct messages and
 * cards WeCom's app would show them (their buttons act through the incident module's actions port).
 */
@ApplicationModule(displayName = "本地控制台 console", allowedDependencies = {"assistant", "channel", "config", "incident", "infra", "web"})
package cn.ebillops.console;

import org.springframework.modulith.ApplicationModule;
