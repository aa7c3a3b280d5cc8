package cn.ebillops.schedule;

/** A kind of calendar notice; the code is stored in the notice table (never rename). */
enum NoticeKind {
    HOLIDAY_NOTICE("holiday-notice", "节前值班通知"),
    HOLIDAY_EVE("holiday-eve", "节前最后一个工作日值班提醒"),
    PRE_HOLIDAY("pre-holiday", "节前例行巡检与备份检查"),
    QUARTERLY("quarterly", "季度巡检与改进建议报告"),
    ANNUAL_MEETING("annual-meeting", "年度服务沟通会议提醒"),
    CA_EXPIRY("ca-expiry", "CA 证书到期提醒"),
    CALENDAR_MISSING("calendar-missing", "节假日安排缺失提醒");

    private final String code;
    private final String label;

    NoticeKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }
}
