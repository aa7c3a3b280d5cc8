package cn.ebillops.schedule;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The Quartz jobs of the service calendar; each evaluates its notice kinds. Ids are stored by Quartz as
 * the job keys, which is how the one {@link CalendarJob} class knows which entry fired.
 */
enum ScheduledJob {
    HOLIDAY_NOTICE("holiday-notice", "节前值班通知", EnumSet.of(NoticeKind.HOLIDAY_NOTICE, NoticeKind.HOLIDAY_EVE)),
    PRE_HOLIDAY("pre-holiday", "节前例行巡检与备份检查", EnumSet.of(NoticeKind.PRE_HOLIDAY)),
    QUARTERLY("quarterly", "季度巡检与改进建议报告", EnumSet.of(NoticeKind.QUARTERLY)),
    ANNUAL_MEETING("annual-meeting", "年度服务沟通会议提醒", EnumSet.of(NoticeKind.ANNUAL_MEETING)),
    CA_CERTIFICATE("ca-certificate", "CA 证书到期提醒", EnumSet.of(NoticeKind.CA_EXPIRY)),
    HOLIDAY_CALENDAR("holiday-calendar", "节假日日历检查", EnumSet.of(NoticeKind.CALENDAR_MISSING));

    public static final String GROUP = "service-calendar";

    private final String id;
    private final String label;
    private final Set<NoticeKind> kinds;

    ScheduledJob(String id, String label, Set<NoticeKind> kinds) {
        this.id = id;
        this.label = label;
        this.kinds = kinds;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
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
