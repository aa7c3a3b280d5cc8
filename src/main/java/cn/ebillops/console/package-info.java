/**
 * The web chat console (demo and on-site use): a page and an HTTP route that hand a message to the assistant
 * and show the replies and notices.
 */
@ApplicationModule(displayName = "本地控制台 console", allowedDependencies = {"assistant", "channel", "config", "infra", "web"})
package cn.ebillops.console;

import org.springframework.modulith.ApplicationModule;
