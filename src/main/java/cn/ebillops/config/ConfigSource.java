package cn.ebillops.config;

import java.util.List;
import java.util.Map;

/**
 * The file a {@link ConfigNode} came from and the line of each key, by index path
 * ("people[3].role" → 27), so errors can name the line while keys name the person.
 */
record ConfigSource(String file, Map<String, Integer> lines) {

    /** What names a list item in a key path, first present wins; items without one keep their index. */
    private static final List<String> IDENTITY = List.of("userid", "chatid", "id", "name");

    /** "userid=chenxia" for a person, "chatid=wr01" for a group, "name=本机磁盘" for a target, else "3". */
    static String itemName(Map<String, Object> item, int index) {
        for (String field : IDENTITY) {
            Object v = item.get(field);
            if (v != null && !(v instanceof Map) && !(v instanceof List) && !v.toString().isBlank()) {
                return field + "=" + v.toString().trim();
            }
        }
        return String.valueOf(index);
    }
}
