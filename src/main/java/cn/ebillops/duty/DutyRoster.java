package cn.ebillops.duty;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The duty rules of bot-config/duty.yaml: who rotates, who backs up, who manages, the hotline,
 * the weekly rotation, per-holiday rules and one-off overrides. Persons are userids.
 */
public record DutyRoster(String hotline, List<String> engineers, Optional<String> backup, Optional<String> manager,
                         LocalDate anchor, LocalTime handover, List<HolidayRule> holidayRules,
                         Map<LocalDate, String> overrides) {

    public DutyRoster {
        engineers = List.copyOf(engineers);
        holidayRules = List.copyOf(holidayRules);
        overrides = Map.copyOf(overrides);
    }

    /** The engineer of the weekly rotation on a date. */
    public String rotationEngineer(LocalDate date) {
        long weeks = Math.floorDiv(date.toEpochDay() - anchor.toEpochDay(), 7);
        return engineers.get((int) Math.floorMod(weeks, engineers.size()));
    }

    public Optional<HolidayRule> ruleFor(Holiday holiday) {
        return holidayRules.stream().filter(r -> holiday.isCalled(r.holiday())).findFirst();
    }

    /**
     * A holiday's rule: {@code days} names the engineer per date; {@code dailyRotation} rotates each
     * day starting with {@code startWith}. Dates not covered fall back to the weekly rotation.
     */
    public record HolidayRule(String holiday, Map<LocalDate, String> days, boolean dailyRotation,
                              Optional<String> startWith) {

        public HolidayRule {
            days = Map.copyOf(days);
        }
    }
}
