package cn.ebillops.wecom;

import cn.ebillops.channel.Attachment;
import cn.ebillops.channel.ChatSender;
import cn.ebillops.channel.InboundMessage;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.channel.Reply;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The files of an answer (the Word report of /inspect), sent after its text went out on the message's own
 * route: no reply route carries a file, so they go the way notices go ({@link ChatSender}): the group
 * robot's outbox for a group with a webhook, the AI bot's media upload on the long connection otherwise,
 * the app's media upload to a person. The text links to them, so a file that cannot go still leaves the
 * chat the report; the dedup key keeps a redelivered message from sending them twice.
 */
@Component
class ReplyFiles {

    private final ChatSender sender;

    ReplyFiles(ChatSender sender) {
        this.sender = sender;
    }

    void send(InboundMessage message, List<Reply> replies) {
        List<Attachment> files = replies.stream().flatMap(r -> r.attachments().stream()).toList();
        if (files.isEmpty()) {
            return;
        }
        OutboundMessage out = message.isDirect() ? OutboundMessage.toPerson(message.userId(), "")
                : OutboundMessage.toGroup(message.chatId(), "");
        sender.send(out.withAttachments(files).withDedupKey("inbox:" + message.channel() + ":" + message.messageId()
                + ":files"));
    }
}
