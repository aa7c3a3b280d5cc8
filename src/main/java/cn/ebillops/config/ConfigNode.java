package cn.ebillops.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A typed, validating view of one YAML mapping in a bot-config file. Every getter that fails
 * throws a {@link ConfigException} naming the file, the full key path, the value and what is
 * allowed. Modules read their own files through this so all config errors read alike.
 */
public final class ConfigNode {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final String file;
    private final String path;
    private final Map<String, Object> values;

    ConfigNode(String file, String path, Map<String, Object> values) {
        this.file = file;
        this.path = path;
        this.values = values == null ? Map.of() : values;
    }

    public String file() {
        return file;
    }

    public String path() {
        return path;
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public String key(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public String string(String key) {
        Object v = values.get(key);
        if (v == null || v.toString().isBlank()) {
            throw ConfigException.invalid(file, key(key), "(缺失)", "非空文本");
        }
        if (v instanceof Map || v instanceof List) {
            throw ConfigException.invalid(file, key(key), v, "文本");
        }
        return v.toString().trim();
    }

    public String string(String key, String fallback) {
        return has(key) ? string(key) : fallback;
    }

    public Optional<String> optionalString(String key) {
        return has(key) ? Optional.of(string(key)) : Optional.empty();
    }

    public String matching(String key, Pattern pattern, String allowed) {
        String v = string(key);
        if (!pattern.matcher(v).matches()) {
            throw ConfigException.invalid(file, key(key), v, allowed);
        }
        return v;
    }

    public int integer(String key, int fallback, int min, int max) {
        return bounded(key, fallback, Number::intValue, Integer::parseInt, min, max,
                "%d 到 %d 之间的整数".formatted(min, max));
    }

    public double decimal(String key, double fallback, double min, double max) {
        return bounded(key, fallback, Number::doubleValue, Double::parseDouble, min, max,
                "%s 到 %s 之间的数".formatted(min, max));
    }

    /** A number from YAML (already a number) or from text, within [min, max]; otherwise the file's error. */
    private <T extends Comparable<T>> T bounded(String key, T fallback, Function<Number, T> fromNumber,
                                                Function<String, T> parse, T min, T max, String expected) {
        if (!has(key)) {
            return fallback;
        }
        Object v = values.get(key);
        T n;
        try {
            n = v instanceof Number num ? fromNumber.apply(num) : parse.apply(v.toString().trim());
        } catch (NumberFormatException e) {
            throw ConfigException.invalid(file, key(key), v, expected);
        }
        if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
            throw ConfigException.invalid(file, key(key), v, expected);
        }
        return n;
    }

    public boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        Object v = values.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        return switch (v.toString().trim().toLowerCase()) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw ConfigException.invalid(file, key(key), v, "true 或 false");
        };
    }

    /** Accepts "30s", "15m", "4h", "2d", "500ms" or an ISO-8601 duration such as "PT15M". */
    public Duration duration(String key, Duration fallback) {
        if (!has(key)) {
            return fallback;
        }
        String v = string(key);
        var m = SIMPLE_DURATION.matcher(v.toLowerCase());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(v);
        } catch (DateTimeParseException e) {
            throw ConfigException.invalid(file, key(key), v, "时长，如 500ms、30s、15m、4h、2d 或 PT15M");
        }
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String v = string(key);
        try {
            return Enum.valueOf(type, v.toUpperCase());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining("、"));
            throw ConfigException.invalid(file, key(key), v, allowed);
        }
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
        return has(key) ? enumValue(key, type) : fallback;
    }

    public ConfigNode child(String key) {
        Object v = values.get(key);
        if (v == null) {
            return new ConfigNode(file, key(key), Map.of());
        }
        if (!(v instanceof Map<?, ?> map)) {
            throw ConfigException.invalid(file, key(key), v, "映射（键: 值）");
        }
        return new ConfigNode(file, key(key), asStringMap(map));
    }

    /** A list of mappings, e.g. {@code people: [{userid: ..}, ..]}; absent means empty. */
    public List<ConfigNode> children(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw ConfigException.invalid(file, key(key), v, "列表");
        }
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            String itemPath = key(key) + "[" + i + "]";
            if (!(item instanceof Map<?, ?> map)) {
                throw ConfigException.invalid(file, itemPath, item, "映射（键: 值）");
            }
            out.add(new ConfigNode(file, itemPath, asStringMap(map)));
        }
        return out;
    }

    /** A list of scalars; absent means empty. */
    public List<String> strings(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            return List.of(v.toString().trim());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item == null || item instanceof Map || item instanceof List) {
                throw ConfigException.invalid(file, key(key) + "[" + i + "]", item, "文本");
            }
            out.add(item.toString().trim());
        }
        return out;
    }

    /** Entries of a mapping whose keys are data (e.g. group id → settings). */
    public Map<String, ConfigNode> entries(String key) {
        ConfigNode c = child(key);
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        c.values.forEach((k, v) -> out.put(k, c.child(k)));
        return out;
    }

    public Map<String, Object> raw() {
        return values;
    }

    public ConfigException error(String key, Object value, String allowed) {
        return ConfigException.invalid(file, key(key), value, allowed);
    }

    static Map<String, Object> asStringMap(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
