package cn.ebillops.duty;

import cn.ebillops.channel.ChatSender;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.config.BotConfig;
import cn.ebillops.config.Person;
import cn.ebillops.config.Role;
import cn.ebillops.infra.KeyValueStore;
import cn.ebillops.wording.Wording;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Tells the administrators that a year's holiday file is missing, at most once a day per year
 * (shared key, so several instances and many questions do not repeat it).
 */
@Component
public class CalendarGapReporter {

    private final ChatSender sender;
    private final BotConfig config;
    private final KeyValueStore store;
    private final Clock clock;
    private final Wording wording;

    public CalendarGapReporter(ChatSender sender, BotConfig config, KeyValueStore store, Clock clock, Wording wording) {
        this.sender = sender;
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.wording = wording;
    }

    /** Reminds the administrators unless already done today; true when someone was reminded now. */
    public boolean report(int year) {
        String key = "duty:calendar-missing:" + year + ":" + LocalDate.now(clock);
        if (config.withRole(Role.ADMIN).isEmpty() || !store.setIfAbsent(key, "1", Duration.ofDays(1))) {
            return false;
        }
        for (Person admin : config.withRole(Role.ADMIN)) {
            sender.send(OutboundMessage.toPerson(admin.userId(), message(year, wording)).withDedupKey(key + ":" + admin.userId()));
        }
        return true;
    }

    public static String message(int year, Wording wording) {
        return wording.text("duty.calendarMissing", "year", year);
    }
}
