package cn.ebillops.schedule;

import java.util.Optional;
import java.util.Set;

/**
 * Does what one kind of notice asks (post the duty plan, run the pre-holiday inspection…).
 * {@code lateNote} is present when the notice goes out late and must say so in its text.
 * Throwing means "not done": the notice is retried at the next evaluation.
 */
interface NoticeHandler {

    Set<NoticeKind> kinds();

    void perform(PlannedNotice notice, Optional<String> lateNote);
}
