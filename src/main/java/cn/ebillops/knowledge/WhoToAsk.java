package cn.ebillops.knowledge;

import cn.ebillops.config.BotConfig;
import cn.ebillops.config.Person;
import cn.ebillops.config.Role;
import cn.ebillops.duty.DutyAssignment;
import cn.ebillops.duty.DutyLookup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who a person should ask when the assistant does not know: the engineer on duty and the
 * hotline, or the engineers of bot-config when the duty roster cannot answer.
 */
@Component
class WhoToAsk {

    private static final Logger log = LoggerFactory.getLogger(WhoToAsk.class);

    private final BotConfig config;
    private final DutyLookup duty;
    private final Clock clock;

    public WhoToAsk(BotConfig config, DutyLookup duty, Clock clock) {
        this.config = config;
        this.duty = duty;
        this.clock = clock;
    }

    /** A short Chinese phrase, e.g. "今日值班工程师 张工（13800138001），值班热线 400-…". */
    public String contacts() {
        try {
            DutyAssignment a = duty.onDutyAt(clock.instant());
            List<String> parts = new ArrayList<>();
            parts.add("今日值班工程师 " + withPhone(a.engineer()));
            a.backup().ifPresent(b -> parts.add("备岗 " + withPhone(b)));
            if (a.hotline() != null && !a.hotline().isBlank()) {
                parts.add("值班热线 " + a.hotline());
            }
            return String.join("，", parts);
        } catch (RuntimeException e) {
            // The duty roster may be incomplete; the engineers list is still a good answer.
            log.warn("duty lookup failed, falling back to the engineers of bot-config: {}", e.toString());
        }
        List<Person> engineers = config.withRole(Role.ENGINEER);
        if (engineers.isEmpty()) {
            engineers = config.withRole(Role.ADMIN);
        }
        if (engineers.isEmpty()) {
            return config.hospital().vendor() + "的运维工程师";
        }
        return "运维工程师 " + engineers.stream().map(WhoToAsk::withPhone).collect(Collectors.joining("、"));
    }

    private static String withPhone(Person p) {
        return p.phone() == null || p.phone().isBlank() ? p.name() : "%s（%s）".formatted(p.name(), p.phone());
    }
}
