package cn.ebillops.schedule;

import cn.ebillops.channel.ChatSender;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.config.BotConfig;
import cn.ebillops.config.Person;
import cn.ebillops.config.Role;
import cn.ebillops.duty.CalendarGapReporter;
import cn.ebillops.wording.Wording;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Weekly reminder to the administrators while a needed year's holiday file is missing. */
@Component
class CalendarMissingReminder implements NoticeHandler {

    private final ChatSender sender;
    private final BotConfig config;
    private final Wording wording;

    public CalendarMissingReminder(ChatSender sender, BotConfig config, Wording wording) {
        this.sender = sender;
        this.config = config;
        this.wording = wording;
    }

    @Override
    public Set<NoticeKind> kinds() {
        return EnumSet.of(NoticeKind.CALENDAR_MISSING);
    }

    @Override
    public void perform(PlannedNotice notice, Optional<String> lateNote) {
        String text = lateNote.map(n -> n + "\n").orElse("") + CalendarGapReporter.message(notice.year(), wording);
        for (Person admin : config.withRole(Role.ADMIN)) {
            sender.send(OutboundMessage.toPerson(admin.userId(), text)
                    .withDedupKey("notice/" + notice.key() + "/" + admin.userId()));
        }
    }
}
