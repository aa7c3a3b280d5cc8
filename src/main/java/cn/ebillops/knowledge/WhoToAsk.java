package cn.ebillops.knowledge;

import cn.ebillops.config.BotConfig;
import cn.ebillops.config.Person;
import cn.ebillops.config.Role;
import cn.ebillops.duty.DutyAssignment;
import cn.ebillops.duty.DutyLookup;
import cn.ebillops.wording.Wording;
import java.time.Clock;
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
    private final Wording wording;

    public WhoToAsk(BotConfig config, DutyLookup duty, Clock clock, Wording wording) {
        this.config = config;
        this.duty = duty;
        this.clock = clock;
        this.wording = wording;
    }

    /** A short Chinese phrase, e.g. "今日值班工程师 张工（13800138001），值班热线 400-…". */
    public String contacts() {
        try {
            DutyAssignment a = duty.onDutyAt(clock.instant());
            return wording.text("knowledge.contacts.onDuty", "engineer", withPhone(a.engineer()),
                    "backup", a.backup().map(b -> wording.text("knowledge.contacts.backup", "engineer", withPhone(b)))
                            .orElse(""),
                    "hotline", a.hotline() == null || a.hotline().isBlank() ? ""
                            : wording.text("knowledge.contacts.hotline", "hotline", a.hotline()));
        } catch (RuntimeException e) {
            // The duty roster may be incomplete; the engineers list is still a good answer.
            log.warn("duty lookup failed, falling back to the engineers of bot-config: {}", e.toString());
        }
        List<Person> engineers = config.withRole(Role.ENGINEER);
        if (engineers.isEmpty()) {
            engineers = config.withRole(Role.ADMIN);
        }
        if (engineers.isEmpty()) {
            return wording.text("knowledge.contacts.vendor", "vendor", config.hospital().vendor());
        }
        return wording.text("knowledge.contacts.engineers", "names", engineers.stream().map(this::withPhone)
                .collect(Collectors.joining(wording.text("knowledge.contacts.engineersSeparator"))));
    }

    private String withPhone(Person p) {
        return p.phone() == null || p.phone().isBlank() ? p.name()
                : wording.text("knowledge.contacts.withPhone", "name", p.name(), "phone", p.phone());
    }
}
