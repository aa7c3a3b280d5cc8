package cn.ebillops.inspection;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one check against one target. {@code contractItems} are the numbers of the
 * contract's inspection list (一.2–16; 0 for the signing server's section 二.3).
 */
public record CheckResult(String checkId, String name, List<Integer> contractItems, String target,
                          CheckStatus status, Map<String, String> figures, String evidence, String suggestion,
                          Duration elapsed) {

    public CheckResult {
        contractItems = List.copyOf(contractItems);
        // insertion order kept: reports list figures in the order the check measured them
        figures = figures == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        evidence = evidence == null ? "" : evidence;
        suggestion = suggestion == null ? "" : suggestion;
    }
}
