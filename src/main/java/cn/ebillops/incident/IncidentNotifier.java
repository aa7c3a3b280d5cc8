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

    /** A direct message; false when a route failed to deliver it (the caller may retry with the same key). */
    public boolean toPerson(String userId, String markdown, String dedupKey) {
        return direct(userId, markdown, dedupKey, List.of());
    }

    /** A direct message to an engineer with the incident's 接单 / 已到场 / 已解决 buttons where the route can show them. */
    public boolean toEngineer(String userId, Incident incident, String markdown, String dedupKey) {
        List<OutboundMessage.Button> buttons = java.util.Arrays.stream(IncidentActions.Action.values())
                .map(a -> new OutboundMessage.Button(a.label(), IncidentActions.buttonKey(a, incident.number())))
                .toList();
        return direct(userId, markdown, dedupKey, buttons);
    }

    private boolean direct(String userId, String markdown, String dedupKey, List<OutboundMessage.Button> buttons) {
        return sender.send(OutboundMessage.toPerson(userId, markdown).withButtons(buttons)
                .withDedupKey(dedupKey == null ? null : dedupKey + ":dm:" + userId));
    }
}
