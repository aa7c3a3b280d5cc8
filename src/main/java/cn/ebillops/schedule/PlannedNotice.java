package cn.ebillops.schedule;

import cn.ebillops.duty.Holiday;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One notice occasion of the calendar: due at {@code dueAt}, worth sending (late) until
 * {@code expiresAt}. {@code (kind, occasion)} is its unique key in the notice table.
 * {@code year}/{@code number}/{@code date} carry the subject: quarter number, days before expiry, certificate date.
 */
record PlannedNotice(NoticeKind kind, String occasion, Instant dueAt, Instant expiresAt, String title,
                            Optional<Holiday> holiday, int year, int number, Optional<LocalDate> date) {

    static PlannedNotice forHoliday(NoticeKind kind, Holiday h, Instant due, Instant expires, String title) {
        return new PlannedNotice(kind, h.key(), due, expires, title, Optional.of(h), h.year(), 0, Optional.empty());
    }

    public String key() {
        return kind.code() + "/" + occasion;
    }
}
