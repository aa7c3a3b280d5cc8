package cn.ebillops.inspection;

import cn.ebillops.config.ConfigNode;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The keys every target entry shares: {@code name}, {@code scope} (optional, each kind has a
 * default) and {@code timeout} (optional). Factories call {@link #read} so all kinds validate alike.
 */
public record TargetBasics(String name, InspectionScope scope, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern NAME = Pattern.compile("[^:\\r\\n]{1,64}");

    public static TargetBasics read(ConfigNode target, InspectionScope defaultScope) {
        String name = target.matching("name", NAME, "1 到 64 个字符、不含冒号的名称（可用中文）");
        InspectionScope scope = target.enumValue("scope", InspectionScope.class, defaultScope);
        if (scope == InspectionScope.ALL) {
            throw target.error("scope", "all", "ebill、db、backup、disk、logs、signing、pages 之一");
        }
        Duration timeout = target.duration("timeout", DEFAULT_TIMEOUT);
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw target.error("timeout", timeout, "大于 0 且不超过 10m 的时长");
        }
        return new TargetBasics(name, scope, timeout);
    }

    /** A check id unique per target: "kind:target" or "kind:target:part". */
    public String id(String kind, String... parts) {
        StringBuilder sb = new StringBuilder(kind).append(':').append(name);
        for (String p : parts) {
            sb.append(':').append(p);
        }
        return sb.toString();
    }
}
