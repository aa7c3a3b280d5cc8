package cn.ebillops.duty;

import cn.ebillops.config.BotConfig;
import cn.ebillops.config.Person;
import cn.ebillops.config.Role;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Who answers on a day: the duty engineer first, then the backup, then the manager. Built by
 * {@link DutyService} with {@link #managerOrFirstAdmin}, so every caller (duty answers, notices, the
 * model's tool, escalation) sees the same chain.
 */
public record DutyAssignment(LocalDate date, Person engineer, Optional<Person> backup, Optional<Person> manager,
                             String hotline) {

    /** The chain's last step: the roster's manager, or the first ADMIN of bot-config when it names none. */
    public static Optional<Person> managerOrFirstAdmin(Optional<Person> rostered, BotConfig config) {
        return rostered.or(() -> config.withRole(Role.ADMIN).stream().findFirst());
    }
}
