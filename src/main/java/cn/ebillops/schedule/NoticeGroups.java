package cn.ebillops.schedule;

import cn.ebillops.channel.Attachment;
import cn.ebillops.channel.ChatSender;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.config.BotConfig;
import cn.ebillops.config.ChatGroup;
import cn.ebillops.wording.Wording;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Posts a calendar notice to the notice groups (duty.yaml notices.groups, else every group with notices on). */
@Component
class NoticeGroups {

    private final ChatSender sender;
    private final BotConfig config;
    private final ScheduleSettings settings;
    private final Wording wording;

    public NoticeGroups(ChatSender sender, BotConfig config, ScheduleSettings settings, Wording wording) {
        this.sender = sender;
        this.config = config;
        this.settings = settings;
        this.wording = wording;
    }

    Wording wording() {
        return wording;
    }

    /** The wording of a notice (schedule.*), which the hospital may rewrite in bot-config. */
    public String text(String key, Object... namesAndValues) {
        return wording.text(key, namesAndValues);
    }

    public List<ChatGroup> targets() {
        if (!settings.groups().isEmpty()) {
            return settings.groups().stream().map(config::group).flatMap(Optional::stream).toList();
        }
        return config.groups().stream().filter(ChatGroup::notices).toList();
    }

    /** Sends to every target group; the late note, when present, opens the message. */
    public void post(PlannedNotice notice, String markdown, List<String> mentions, Optional<String> lateNote) {
        post(notice, markdown, mentions, lateNote, List.of());
    }

    /** As {@link #post(PlannedNotice, String, List, Optional)}, with files the WeCom routes post after the text. */
    public void post(PlannedNotice notice, String markdown, List<String> mentions, Optional<String> lateNote,
                     List<Attachment> files) {
        String text = lateNote.map(n -> n + "\n" + markdown).orElse(markdown);
        for (ChatGroup g : targets()) {
            sender.send(OutboundMessage.toGroup(g.chatId(), text).mentioning(mentions).withAttachments(files)
                    .withDedupKey("notice/" + notice.key() + "/" + g.chatId()));
        }
    }
}
