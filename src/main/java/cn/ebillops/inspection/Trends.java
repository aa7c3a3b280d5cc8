package cn.ebillops.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Numeric trends between two results of the same check (usage percentages, error counts). */
final class Trends {

    private Trends() {
    }

    public record Delta(String figure, double before, double after) {
        public double change() {
            return after - before;
        }
    }

    /** Figures present and numeric in both results. */
    public static List<Delta> deltas(CheckResult before, CheckResult after) {
        List<Delta> out = new ArrayList<>();
        for (Map.Entry<String, String> e : after.figures().entrySet()) {
            OptionalDouble a = number(before.figures().get(e.getKey()));
            OptionalDouble b = number(e.getValue());
            if (a.isPresent() && b.isPresent()) {
                out.add(new Delta(e.getKey(), a.getAsDouble(), b.getAsDouble()));
            }
        }
        return out;
    }

    /** "最高使用率(%) 82.00 → 86.50" for the figures that moved; empty when nothing did. */
    static String describe(CheckResult before, CheckResult after) {
        List<String> parts = new ArrayList<>();
        for (Delta d : deltas(before, after)) {
            boolean key = d.figure().contains("使用率") || d.figure().contains("错误行数") || d.figure().contains("失败");
            if (key && Math.abs(d.change()) >= 0.01) {
                boolean pct = d.figure().contains("%");
                parts.add("%s %s → %s".formatted(d.figure(), pct ? Thresholds.pct(d.before()) : plain(d.before()),
                        pct ? Thresholds.pct(d.after()) : plain(d.after())));
            }
        }
        return String.join("；", parts.subList(0, Math.min(3, parts.size())));
    }

    /** Whole numbers (counts) without decimals, others with two. */
    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Thresholds.pct(v);
    }

    static OptionalDouble number(String s) {
        if (s == null) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(s.trim()));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
