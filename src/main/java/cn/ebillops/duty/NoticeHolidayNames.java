package cn.ebillops.duty;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The notice calls holidays "清明节", "国庆节、中秋节"; the calendar files use the short names and the colloquial
 * aliases that questions use ("五一", "十一"). The same table the shipped files were written by, so an imported
 * year answers the same questions as a hand-written one.
 */
final class NoticeHolidayNames {

    /** Name in the notice → name in the file, then its aliases. */
    private static final Map<String, List<String>> KNOWN = Map.of(
            "元旦", List.of("元旦"),
            "春节", List.of("春节", "过年", "春节假期"),
            "清明节", List.of("清明", "清明节"),
            "劳动节", List.of("劳动节", "五一", "五一劳动节"),
            "端午节", List.of("端午", "端午节"),
            "中秋节", List.of("中秋", "中秋节"),
            "国庆节", List.of("国庆", "国庆节", "十一"));

    record Names(String name, List<String> aliases) {
    }

    private NoticeHolidayNames() {
    }

    /** "国庆节、中秋节" → 国庆、中秋 with every part's short name and aliases; an unknown name is kept as written. */
    static Names of(String noticeName) {
        List<String> shortNames = new ArrayList<>();
        Set<String> words = new LinkedHashSet<>();
        for (String part : noticeName.split("、")) {
            List<String> known = KNOWN.getOrDefault(part, List.of(part));
            shortNames.add(known.get(0));
            words.addAll(known);
            words.add(part);
        }
        String name = String.join("、", shortNames);
        words.remove(name);
        return new Names(name, List.copyOf(words));
    }
}
