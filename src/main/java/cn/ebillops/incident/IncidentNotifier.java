package cn.ebillops.incident;

import cn.ebillops.channel.ChatSender;
import cn.ebillops.channel.OutboundMessage;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Sends what the incident module says on its own: to the incident's group (and the configured
 * notify group), and direct messages to engineers. Dedup keys let persistent routes drop repeats.
 */
@Component
public class IncidentNotifier {

    private final ChatSender sender;
    private final IncidentSettings settings;

    public IncidentNotifier(ChatSender sender, IncidentSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    public void toGroups(Incident incident, String markdown, List<String> mentions, String dedupKey) {
        Set<String> chats = new LinkedHashSet<>();
        chats.add(incident.chatId());
        settings.notifyChat().ifPresent(chats::add);
        for (String chat : chats) {
            sender.send(OutboundMessage.toGroup(chat, markdown).mentioning(mentions)
                    .withDedupKey(dedupKey == null ? null : dedupKey + ":" + chat));
        }
    }

    public void toPerson(String userId, String markdown, String dedupKey) {
        sender.send(OutboundMessage.toPerson(userId, markdown)
                .withDedupKey(dedupKey == null ? null : dedupKey + ":dm:" + userId));
    }
}
