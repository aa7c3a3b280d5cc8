package cn.ebillops.schedule;

/** A kind of calendar notice; the code is stored in the notice table (never rename); titles are wording schedule.title.*. */
enum NoticeKind {
    HOLIDAY_NOTICE("holiday-notice"),
    HOLIDAY_EVE("holiday-eve"),
    PRE_HOLIDAY("pre-holiday"),
    QUARTERLY("quarterly"),
    ANNUAL_MEETING("annual-meeting"),
    CA_EXPIRY("ca-expiry"),
    CALENDAR_MISSING("calendar-missing");

    private final String code;

    NoticeKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
