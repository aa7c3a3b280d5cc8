package cn.ebillops.wecom;

import cn.ebillops.channel.Attachment;
import cn.ebillops.channel.OutboundChannel;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.infra.KeyValueStore;
import java.time.Duration;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Group notices for chats without a group-robot webhook (sites that use only the AI bot): pushed
 * with aibot_send_msg on the long connection when this instance holds it. Chats with a webhook
 * are left to {@link WecomGroupChannel}, so no notice goes out twice. A notice with neither
 * route is logged with its chat id only, never dropped without a word. A push WeCom refuses (an ack with
 * errcode ≠ 0) or does not ack in time is logged with its errcode. A transient refusal (45009, no ack) is thrown
 * to {@code ChatSender} (which reports the notice as not sent) and keeps no dedup key, so the caller's retry sends
 * it, rather than retried here, where it would hold the sender's thread. Any other refusal (e.g. 846608) would
 * meet the same refusal again: the notice goes to the mentioned people as app direct messages instead (a chat
 * with a robot webhook never comes here, its robot sends it); with nobody mentioned or no app the refusal is
 * thrown as well, after a WARN naming the group and the errcode. Files go after the
 * text ({@link AibotMediaUpload}); one that fails is logged and not retried: the text carries its link.
 */
@Component
class AibotGroupChannel implements OutboundChannel {

    private static final Logger log = LoggerFactory.getLogger(AibotGroupChannel.class);
    static final Duration DEDUP_TTL = Duration.ofDays(2);

    private final WecomEndpoints endpoints;
    private final AibotSocket socket;
    private final KeyValueStore store;
    private final AibotMediaUpload media;
    private final WecomDirectChannel direct;

    AibotGroupChannel(WecomEndpoints endpoints, AibotSocket socket, KeyValueStore store, AibotMediaUpload media,
                      WecomDirectChannel direct) {
        this.endpoints = endpoints;
        this.socket = socket;
        this.store = store;
        this.media = media;
        this.direct = direct;
    }

    @Override
    public String name() {
        return "wecom-aibot-push";
    }

    @Override
    public void deliver(OutboundMessage message) {
        if (message.isDirect() || message.chatId() == null || !endpoints.anyGroupRouteConfigured()
                || endpoints.robotWebhook(message.chatId()).isPresent()) {
            return; // not a WeCom site, or the group robot sends it
        }
        String key = message.dedupKey() == null ? null : "wecom:aibot-push:" + message.dedupKey();
        if (key != null && !store.setIfAbsent(key, "1", DEDUP_TTL)) {
            return;
        }
        boolean pushed;
        try {
            pushed = message.hasText() ? socket.push(message.chatId(), body(message)) : socket.sender().isPresent();
        } catch (AibotAcks.Refused e) {
            if (!e.isTransient() && toMentioned(message)) {
                log.warn("群通知经智能机器人长连接推送被拒：群 {}，errcode {}，已改为应用私信被提醒的人", message.chatId(),
                        e.errcode());
                return; // delivered the other way: the key stays and refuses a repeat
            }
            // not taken by WeCom: the key goes so the caller's retry (ChatSender reports the failure) sends it again
            release(key);
            log.warn("群通知经智能机器人长连接推送失败：群 {}，errcode {}（{}），{}", message.chatId(), e.errcode(), e.getMessage(),
                    e.isTransient() ? "稍后重试" : "WeCom 拒收，也没有别的路线（没有被提醒的人或没有配置自建应用）");
            throw e;
        } catch (RuntimeException e) {
            release(key);
            throw e;
        }
        if (!pushed) {
            release(key); // a retry once this instance holds the connection may still send it
            log.warn("群通知没有企业微信路线：群 {} 没有配置群机器人 webhook，本实例也没有持有智能机器人长连接", message.chatId());
            return;
        }
        message.attachments().forEach(file -> sendFile(message.chatId(), file));
    }

    /** A file after its text; one WeCom does not take leaves the group the link in the text, with a WARN. */
    private void sendFile(String chatId, Attachment file) {
        if (!WecomFiles.sendable(file, chatId, AibotMediaUpload.ROUTE)) {
            return;
        }
        try {
            if (!media.send(chatId, file)) {
                WecomFiles.notSent(file, chatId, AibotMediaUpload.ROUTE, AibotAcks.NO_ACK, "长连接已断开");
            }
        } catch (AibotAcks.Refused e) {
            WecomFiles.notSent(file, chatId, AibotMediaUpload.ROUTE, e.errcode(), e.getMessage());
        } catch (RuntimeException e) {
            WecomFiles.notSent(file, chatId, AibotMediaUpload.ROUTE, AibotAcks.NO_ACK, e.toString());
        }
    }

    /** The notice as app direct messages to the people it mentions; false when there is nobody or no app. */
    private boolean toMentioned(OutboundMessage message) {
        if (message.mentionUserIds().isEmpty() || !direct.enabled()) {
            return false;
        }
        for (String user : message.mentionUserIds()) {
            OutboundMessage dm = OutboundMessage.toPerson(user, message.markdown());
            try {
                direct.deliver(message.dedupKey() == null ? dm : dm.withDedupKey(message.dedupKey() + ":" + user));
            } catch (RuntimeException e) {
                log.warn("群 {} 的通知改发私信失败：{}", message.chatId(), e.toString());
                return false;
            }
        }
        return true;
    }

    private void release(String key) {
        if (key != null) {
            store.delete(key);
        }
    }

    private static String body(OutboundMessage message) {
        if (message.mentionUserIds().isEmpty()) {
            return message.markdown();
        }
        return message.markdown() + "\n"
                + message.mentionUserIds().stream().map(u -> "<@" + u + ">").collect(Collectors.joining(" "));
    }
}
