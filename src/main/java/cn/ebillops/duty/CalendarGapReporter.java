package cn.ebillops.duty;

import cn.ebillops.channel.ChatSender;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.config.BotConfig;
import cn.ebillops.config.Person;
import cn.ebillops.config.Role;
import cn.ebillops.infra.KeyValueStore;
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

    public CalendarGapReporter(ChatSender sender, BotConfig config, KeyValueStore store, Clock clock) {
        this.sender = sender;
        this.config = config;
        this.store = store;
        this.clock = clock;
    }

    /** Reminds the administrators unless already done today; true when someone was reminded now. */
    public boolean report(int year) {
        String key = "duty:calendar-missing:" + year + ":" + LocalDate.now(clock);
        if (config.withRole(Role.ADMIN).isEmpty() || !store.setIfAbsent(key, "1", Duration.ofDays(1))) {
            return false;
        }
        for (Person admin : config.withRole(Role.ADMIN)) {
            sender.send(OutboundMessage.toPerson(admin.userId(), message(year)).withDedupKey(key + ":" + admin.userId()));
        }
        return true;
    }

    public static String message(int year) {
        return """
                **请补充 %d 年节假日安排**
                助手的节假日日历里还没有 %d 年的文件（bot-config/holidays/%d.yaml），无法判断放假日和调休上班日，\
                节前值班通知和节前巡检也无法安排。
                请按国务院办公厅发布的通知，参照 2026.yaml 的格式新建该文件（放假日期 from/to，调休上班日 work），然后重启助手。"""
                .formatted(year, year, year);
    }
}
