package cn.ebillops.dashboard;

import cn.ebillops.config.Person;
import cn.ebillops.duty.DutyAssignment;
import cn.ebillops.duty.DutyService;
import cn.ebillops.duty.Holiday;
import cn.ebillops.duty.HolidayCalendar;
import cn.ebillops.web.RequestRefused;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/dashboard/duty?month=2026-10 (default: this month): the duty module's roster and holiday calendar. */
@RestController
class DutyDashboard {

    private final DutyService duty;

    DutyDashboard(DutyService duty) {
        this.duty = duty;
    }

    @GetMapping("/api/dashboard/duty")
    DutyView view(@RequestParam(required = false) String month) {
        LocalDate today = duty.today();
        YearMonth m;
        try {
            m = month == null || month.isBlank() ? YearMonth.from(today) : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw RequestRefused.badRequest("bad_month", "月份格式应为 2026-10");
        }
        HolidayCalendar calendar = duty.calendar();
        var days = m.atDay(1).datesUntil(m.atEndOfMonth().plusDays(1)).map(d -> {
            DutyAssignment a = duty.onDuty(d);
            return new DutyView.Day(d.toString(), d.getDayOfMonth(), d.getDayOfWeek().getValue(), a.engineer().name(),
                    a.backup().map(Person::name).orElse(""), calendar.workingDay(d).orElse(null),
                    calendar.holiday(d).map(Holiday::name).orElse(null), calendar.isMakeUpWorkday(d), d.equals(today));
        }).toList();
        return new DutyView(m.toString(), "%d年%d月".formatted(m.getYear(), m.getMonthValue()),
                m.atDay(1).getDayOfWeek().getValue(), calendar.knows(m.getYear()), days);
    }
}
