package cn.ebillops.duty;

import cn.ebillops.config.Person;
import java.time.LocalDate;
import java.util.Optional;

/** Who answers on a day: the duty engineer first, then the backup, then the manager. */
public record DutyAssignment(LocalDate date, Person engineer, Optional<Person> backup, Optional<Person> manager,
                             String hotline) {
}
