/**
 * What a chat channel is, independent of WeCom or the console: an inbound message, a reply, an outbound
 * notice, and {@link cn.ebillops.channel.ChatSender}, the one way feature modules post to a group or a person.
 * The channels themselves are modules of their own (wecom, console).
 */
@ApplicationModule(displayName = "消息通道接口 channel", allowedDependencies = {"web"})
package cn.ebillops.channel;

import org.springframework.modulith.ApplicationModule;
