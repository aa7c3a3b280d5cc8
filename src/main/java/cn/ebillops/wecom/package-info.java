/**
 * The WeCom (企业微信) channel: app and AI-bot callbacks (signed, encrypted), the AI bot long connection,
 * group robots and app messages out, with the inbox and outbox that keep a message from being lost or
 * sent twice. The only module that touches WxJava.
 */
@ApplicationModule(displayName = "企业微信 wecom", allowedDependencies = {"assistant", "channel", "config", "incident", "infra", "web", "wording"})
package cn.ebillops.wecom;

import org.springframework.modulith.ApplicationModule;
