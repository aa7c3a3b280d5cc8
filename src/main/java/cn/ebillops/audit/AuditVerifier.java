package cn.ebillops.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks the chain from the first row and names the first place it breaks. Ids are consecutive from 1
 * (nothing is ever deleted), so:
 * <ul>
 *   <li>a row whose content no longer gives its hash was <b>changed</b>; so was a row whose hash was
 *       recomputed to match, because the next row still names the old one (or, for the last row, the head);
 *   <li>a gap in the ids, or fewer rows than the head counted, is a <b>missing</b> row;
 *   <li>a row the head never counted (an id after it, or before the first) was <b>inserted</b> past the appender.
 * </ul>
 * The head is read before the rows (a row missing at the end) and again after them (a row appended
 * meanwhile is not taken for an insertion). Someone who can rewrite every row and the head at once is
 * not caught here; the head's hash shown by {@code /audit verify} is the anchor a manager notes elsewhere.
 */
final class AuditVerifier {

    enum Break {
        CHANGED("内容被修改"),
        MISSING("记录缺失（被删除）"),
        INSERTED("记录被插入（不是审计链写入的）");

        final String label;

        Break(String label) {
            this.label = label;
        }
    }

    /**
     * The outcome: {@code rows} checked, the first and last time, and when broken the first broken row's
     * id and time (for a missing row: the id that is missing and the time of the row after the gap, if any).
     */
    record Verdict(long rows, Optional<Instant> earliest, Optional<Instant> latest, String headHash,
                   Optional<Break> broken, long brokenId, Optional<Instant> brokenAt, String why) {

        boolean intact() {
            return broken.isEmpty();
        }
    }

    private AuditVerifier() {
    }

    static Verdict verify(AuditStore store) {
        AuditStore.Head before = store.head();
        Walk walk = new Walk(before.lastId());
        store.forEach(walk::accept);
        AuditStore.Head after = store.head();
        return walk.finish(before, after);
    }

    /** The state of one pass over the rows in id order; stops looking at the first break. */
    private static final class Walk {
        long rows;
        AuditRow previous;
        Instant earliest;
        Break broken;
        long brokenId;
        Instant brokenAt;
        String why;
        /** Rows past the head read before the walk: judged at the end, against the head read after it. */
        final List<AuditRow> uncounted = new ArrayList<>();
        final long headBefore;

        Walk(long headBefore) {
            this.headBefore = headBefore;
        }

        void accept(AuditRow row) {
            rows++;
            if (row.id() > headBefore && uncounted.size() < 1000) {
                uncounted.add(row);
            }
            if (earliest == null) {
                earliest = row.at();
            }
            if (broken != null) {
                previous = row;
                return;
            }
            long expectedId = previous == null ? 1 : previous.id() + 1;
            if (row.id() < expectedId) {
                breakAt(Break.INSERTED, row.id(), row.at(), "编号 %d 不在审计链内（应从 %d 起）".formatted(row.id(), expectedId));
            } else if (row.id() > expectedId) {
                breakAt(Break.MISSING, expectedId, row.at(), "第 %d 条之前缺少 %d 条"
                        .formatted(row.id(), row.id() - expectedId));
            } else if (!row.expectedHash().equals(row.hash())) {
                breakAt(Break.CHANGED, row.id(), row.at(), "内容与它的哈希不符");
            } else if (!row.prevHash().equals(previous == null ? AuditRow.GENESIS : previous.hash())) {
                // the content matches its own hash, so the previous row's hash was rewritten after this was linked
                breakAt(Break.CHANGED, previous == null ? row.id() : previous.id(),
                        previous == null ? row.at() : previous.at(),
                        "哈希与下一条（第 %d 条）记录的链接不符：内容和哈希被一并改写".formatted(row.id()));
            }
            previous = row;
        }

        private void breakAt(Break kind, long id, Instant at, String reason) {
            broken = kind;
            brokenId = id;
            brokenAt = at;
            why = reason;
        }

        Verdict finish(AuditStore.Head before, AuditStore.Head after) {
            long last = previous == null ? 0 : previous.id();
            if (broken == null && last > after.lastId()) {
                // ids are consecutive here, so the first row the head never counted is lastId + 1
                long id = after.lastId() + 1;
                breakAt(Break.INSERTED, id, uncounted.stream().filter(r -> r.id() == id).map(AuditRow::at).findFirst()
                        .orElse(null), "审计链只记录到第 %d 条".formatted(after.lastId()));
            } else if (broken == null && last < before.lastId()) {
                breakAt(Break.MISSING, last + 1, null, "审计链记录到第 %d 条，表中只有到第 %d 条".formatted(before.lastId(), last));
            } else if (broken == null && last == after.lastId() && last > 0 && !previous.hash().equals(after.lastHash())) {
                breakAt(Break.CHANGED, last, previous.at(), "哈希与审计链头记录的不符：内容和哈希被一并改写");
            }
            return new Verdict(rows, Optional.ofNullable(earliest), Optional.ofNullable(previous).map(AuditRow::at),
                    after.lastHash(), Optional.ofNullable(broken), brokenId, Optional.ofNullable(brokenAt),
                    why == null ? "" : why);
        }
    }
}
