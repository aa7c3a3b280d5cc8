package cn.ebillops.duty;

import cn.ebillops.config.BotConfig;
import cn.ebillops.config.Person;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Who is on duty: a one-off override first, then the holiday's rule, then the weekly rotation.
 * A duty day starts at the handover time, so 02:00 still belongs to the previous day's engineer.
 */
@Service
public class DutyService implements DutyLookup {

    private final DutyRoster roster;
    private final HolidayCalendar calendar;
    private final BotConfig config;
    private final Clock clock;

    public DutyService(DutyRoster roster, HolidayCalendar calendar, BotConfig config, Clock clock) {
        this.roster = roster;
        this.calendar = calendar;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public DutyAssignment onDutyAt(Instant at) {
        return onDuty(dutyDate(at));
    }

    /** The duty day an instant belongs to. */
    public LocalDate dutyDate(Instant at) {
        return LocalDateTime.ofInstant(at, clock.getZone()).minusHours(roster.handover().getHour())
                .minusMinutes(roster.handover().getMinute()).toLocalDate();
    }

    public DutyAssignment now() {
        return onDutyAt(clock.instant());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public DutyAssignment onDuty(LocalDate date) {
        String engineerId = engineerOn(date);
        Person engineer = config.person(engineerId);
        Optional<Person> backup = backupFor(engineerId).map(config::person);
        Optional<Person> manager = DutyAssignment.managerOrFirstAdmin(roster.manager().map(config::person), config);
        return new DutyAssignment(date, engineer, backup, manager, roster.hotline());
    }

    /** One assignment per day off of the holiday. */
    public List<DutyAssignment> plan(Holiday holiday) {
        return holiday.daysOff().stream().map(this::onDuty).toList();
    }

    /** Distinct engineers on duty during a holiday, in order of first appearance. */
    public List<Person> engineersDuring(Holiday holiday) {
        return plan(holiday).stream().map(DutyAssignment::engineer).distinct().toList();
    }

    public DutyRoster roster() {
        return roster;
    }

    public HolidayCalendar calendar() {
        return calendar;
    }

    String engineerOn(LocalDate date) {
        String override = roster.overrides().get(date);
        if (override != null) {
            return override;
        }
        Optional<Holiday> holiday = calendar.holiday(date);
        if (holiday.isPresent()) {
            Optional<DutyRoster.HolidayRule> rule = roster.ruleFor(holiday.get());
            if (rule.isPresent()) {
                String named = rule.get().days().get(date);
                if (named != null) {
                    return named;
                }
                if (rule.get().dailyRotation()) {
                    List<String> engineers = roster.engineers();
                    int start = rule.get().startWith().map(engineers::indexOf).orElse(0);
                    int dayIndex = (int) (date.toEpochDay() - holiday.get().firstDay().toEpochDay());
                    return engineers.get((start + dayIndex) % engineers.size());
                }
            }
        }
        return roster.rotationEngineer(date);
    }

    private Optional<String> backupFor(String engineerId) {
        if (roster.backup().isPresent() && !roster.backup().get().equals(engineerId)) {
            return roster.backup();
        }
        List<String> engineers = roster.engineers();
        int i = engineers.indexOf(engineerId);
        if (engineers.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(engineers.get((Math.max(i, 0) + 1) % engineers.size()));
    }
}
