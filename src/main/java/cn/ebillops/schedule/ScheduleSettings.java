package cn.ebillops.schedule;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;

/** The notice settings of bot-config/duty.yaml (notices, annualMeeting, caCertificate, calendarReminderFrom). */
record ScheduleSettings(List<String> groups, int daysBefore, LocalTime noticeTime, LocalTime eveTime,
                               LocalTime routineTime, LocalTime quarterlyTime, Duration lateAfter, int annualMeetingMonth,
                               String caName, Optional<LocalDate> caNotAfter, List<Integer> caRemindDays,
                               MonthDay calendarReminderFrom) {

    public ScheduleSettings {
        groups = List.copyOf(groups);
        caRemindDays = caRemindDays.stream().sorted((a, b) -> b - a).distinct().toList();
    }

    public static ScheduleSettings defaults() {
        return new ScheduleSettings(List.of(), 3, LocalTime.of(9, 30), LocalTime.of(16, 0), LocalTime.of(10, 0),
                LocalTime.of(10, 30), Duration.ofMinutes(30), 11, "签名验签服务器 CA 证书", Optional.empty(),
                List.of(30, 14, 7, 1), MonthDay.of(12, 1));
    }
}
