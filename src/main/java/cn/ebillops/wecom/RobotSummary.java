package cn.ebillops.wecom;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The text of a summary notice: one level deep (it lists original notices, never another
 * summary), in the order they were queued, within one markdown message. The notices that do not
 * fit stay queued for the next message, and the summary says how many they are.
 */
final class RobotSummary {

    static final String TITLE = "**汇总通知（共 %d 条）**";
    static final String LEFT_OUT = "\n\n> 另有 %d 条通知未列入本条，见随后的消息";
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
    static Plan plan(List<RobotOutbox.Row> originals, int waiting, int maxBytes) {
        int budget = maxBytes - bytes(TITLE.formatted(WIDEST_COUNT)) - bytes(LEFT_OUT.formatted(WIDEST_COUNT));
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
        return new Plan(listed, text(listed, Math.max(waiting, originals.size()) - n));
    }

    static String text(List<RobotOutbox.Row> listed, int leftOut) {
        StringBuilder sb = new StringBuilder(TITLE.formatted(listed.size()));
        int n = 1;
        for (RobotOutbox.Row r : listed) {
            sb.append(item(n++, r.body()));
        }
        if (leftOut > 0) {
            sb.append(LEFT_OUT.formatted(leftOut));
        }
        return sb.toString();
    }

    private static String item(int n, String body) {
        return "\n\n" + n + ". " + body;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
