package cn.ebillops.wecom;

import cn.ebillops.wording.Wording;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The text of a summary notice: one level deep (it lists original notices, never another
 * summary), in the order they were queued, within one markdown message. The notices that do not
 * fit stay queued for the next message, and the summary says how many they are.
 */
final class RobotSummary {

    /** Room for the widest counts, so whether a notice fits never depends on how many are left out. */
    private static final int WIDEST_COUNT = 99_999;

    /** The notices a summary lists and its text. */
    record Plan(List<RobotOutbox.Row> listed, String text) {
    }

    private RobotSummary() {
    }

    /**
     * The summary of the first of {@code originals} (notices in queue order) that fit in
     * {@code maxBytes}; {@code waiting} is how many notices wait in all (at least
     * {@code originals.size()}). Null when fewer than two fit: the first then goes alone.
     */
    static Plan plan(Wording wording, List<RobotOutbox.Row> originals, int waiting, int maxBytes) {
        int budget = maxBytes - bytes(title(wording, WIDEST_COUNT)) - bytes(leftOut(wording, WIDEST_COUNT));
        int used = 0;
        int n = 0;
        for (RobotOutbox.Row r : originals) {
            int b = bytes(item(n + 1, r.body()));
            if (used + b > budget) {
                break;
            }
            used += b;
            n++;
        }
        if (n < 2) {
            return null;
        }
        List<RobotOutbox.Row> listed = List.copyOf(originals.subList(0, n));
        return new Plan(listed, text(wording, listed, Math.max(waiting, originals.size()) - n));
    }

    static String text(Wording wording, List<RobotOutbox.Row> listed, int leftOut) {
        StringBuilder sb = new StringBuilder(title(wording, listed.size()));
        int n = 1;
        for (RobotOutbox.Row r : listed) {
            sb.append(item(n++, r.body()));
        }
        if (leftOut > 0) {
            sb.append(leftOut(wording, leftOut));
        }
        return sb.toString();
    }

    private static String title(Wording wording, int count) {
        return wording.text("wecom.summary.title", "count", count);
    }

    private static String leftOut(Wording wording, int count) {
        return wording.text("wecom.summary.leftOut", "count", count);
    }

    private static String item(int n, String body) {
        return "\n\n" + n + ". " + body;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
