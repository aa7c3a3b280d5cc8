package cn.ebillops.incident;

import cn.ebillops.config.BotConfig;
import cn.ebillops.config.Person;
import cn.ebillops.config.Role;
import cn.ebillops.duty.DutyAssignment;
import cn.ebillops.duty.DutyLookup;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who is called, in order: duty engineer → backup → manager. From the duty roster (its chain
 * already falls back to the first ADMIN for a missing manager); when the roster fails or names no
 * engineer, from bot-config: first ENGINEER, second ENGINEER, and the manager by the same rule
 * ({@link DutyAssignment#managerOrFirstAdmin}).
 */
@Component
public class EscalationContacts {

    private static final Logger log = LoggerFactory.getLogger(EscalationContacts.class);

    public record Chain(Optional<Person> engineer, Optional<Person> backup, Optional<Person> manager, String source) {

        public Optional<Person> at(IncidentSettings.Target target) {
            return switch (target) {
                case ENGINEER -> engineer;
                case BACKUP -> backup.or(() -> engineer);
                case MANAGER -> manager;
            };
        }
    }

    private final DutyLookup duty;
    private final BotConfig config;

    public EscalationContacts(DutyLookup duty, BotConfig config) {
        this.duty = duty;
        this.config = config;
    }

    public Chain at(Instant when) {
        try {
            DutyAssignment a = duty.onDutyAt(when);
            if (a != null && a.engineer() != null) {
                return new Chain(Optional.of(a.engineer()), a.backup(), a.manager(), "值班表");
            }
        } catch (RuntimeException e) {
            log.warn("duty lookup failed, falling back to bot-config people: {}", e.toString());
        }
        List<Person> engineers = config.withRole(Role.ENGINEER);
        return new Chain(engineers.stream().findFirst(), engineers.stream().skip(1).findFirst(),
                DutyAssignment.managerOrFirstAdmin(Optional.empty(), config), "人员配置");
    }
}
