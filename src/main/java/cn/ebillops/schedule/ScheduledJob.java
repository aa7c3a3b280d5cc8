package cn.ebillops.schedule;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The Quartz jobs of the service calendar; each evaluates its notice kinds. Ids are stored by Quartz. */
public enum ScheduledJob {
    HOLIDAY_NOTICE("holiday-notice", "节前值班通知", HolidayNoticeJob.class,
            EnumSet.of(NoticeKind.HOLIDAY_NOTICE, NoticeKind.HOLIDAY_EVE)),
    PRE_HOLIDAY("pre-holiday", "节前例行巡检与备份检查", PreHolidayRoutineJob.class, EnumSet.of(NoticeKind.PRE_HOLIDAY)),
    QUARTERLY("quarterly", "季度巡检与改进建议报告", QuarterlyInspectionJob.class, EnumSet.of(NoticeKind.QUARTERLY)),
    ANNUAL_MEETING("annual-meeting", "年度服务沟通会议提醒", AnnualMeetingJob.class, EnumSet.of(NoticeKind.ANNUAL_MEETING)),
    CA_CERTIFICATE("ca-certificate", "CA 证书到期提醒", CertificateExpiryJob.class, EnumSet.of(NoticeKind.CA_EXPIRY)),
    HOLIDAY_CALENDAR("holiday-calendar", "节假日日历检查", HolidayCalendarJob.class,
            EnumSet.of(NoticeKind.CALENDAR_MISSING));

    public static final String GROUP = "service-calendar";

    private final String id;
    private final String label;
    private final Class<? extends org.quartz.Job> jobClass;
    private final Set<NoticeKind> kinds;

    ScheduledJob(String id, String label, Class<? extends org.quartz.Job> jobClass, Set<NoticeKind> kinds) {
        this.id = id;
        this.label = label;
        this.jobClass = jobClass;
        this.kinds = kinds;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public Class<? extends org.quartz.Job> jobClass() {
        return jobClass;
    }

    public Set<NoticeKind> kinds() {
        return EnumSet.copyOf(kinds);
    }

    public static Optional<ScheduledJob> parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(j -> j.id.equals(t) || j.label.equals(s.trim())).findFirst();
    }

    public static ScheduledJob of(NoticeKind kind) {
        return Arrays.stream(values()).filter(j -> j.kinds.contains(kind)).findFirst().orElseThrow();
    }
}
