package cn.ebillops.duty;

import cn.ebillops.assistant.nlu.HolidayNames;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The holiday files' names and aliases, for understanding messages; matched by {@link Holiday#wordIn}. */
@Component
class CalendarHolidayNames implements HolidayNames {

    private final HolidayCalendar calendar;

    CalendarHolidayNames(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public Optional<String> holidayIn(String text) {
        return calendar.all().stream().map(h -> h.wordIn(text)).flatMap(Optional::stream)
                .max(Comparator.comparingInt(String::length));
    }
}
