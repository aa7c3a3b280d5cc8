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
 * reports a {@link ConfigProblem} naming the file, the line, the full key path (list items by
 * their identifying field: people[userid=chenxia].role), the value and what is allowed. Strict
 * nodes throw it at once; nodes read at start collect it and go on with a fallback, so one start
 * lists every mistake (see {@link ConfigProblems}). Modules read their own files through this so
 * all config errors read alike.
 */
public final class ConfigNode {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final ConfigSource source;
    private final ConfigProblems problems;
    private final String path;
    private final String at;
    private final Map<String, Object> values;

    ConfigNode(String file, String path, Map<String, Object> values) {
        this(new ConfigSource(file, Map.of()), ConfigProblems.strict(), path, path, values);
    }

    ConfigNode(ConfigSource source, ConfigProblems problems, String path, String at, Map<String, Object> values) {
        this.source = source;
        this.problems = problems;
        this.path = path;
        this.at = at;
        this.values = values == null ? Map.of() : values;
    }

    public String file() {
        return source.file();
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

    /** The 1-based line of {@code key} in its file, else of this mapping, else 0. */
    public int line(String key) {
        Integer line = source.lines().get(at.isEmpty() ? key : at + "." + key);
        if (line == null) {
            line = source.lines().get(at);
        }
        return line == null ? 0 : line;
    }

    public String string(String key) {
        return text(key).orElse("");
    }

    /** The text under key, or empty after reporting it missing or not text. */
    private Optional<String> text(String key) {
        Object v = values.get(key);
        if (v == null || v.toString().isBlank()) {
            return invalid(key, "(缺失)", "非空文本", Optional.empty());
        }
        if (v instanceof Map || v instanceof List) {
            return invalid(key, v, "文本", Optional.empty());
        }
        return Optional.of(v.toString().trim());
    }

    public String string(String key, String fallback) {
        return has(key) ? string(key) : fallback;
    }

    public Optional<String> optionalString(String key) {
        return has(key) ? Optional.of(string(key)) : Optional.empty();
    }

    public String matching(String key, Pattern pattern, String allowed) {
        return text(key).map(v -> pattern.matcher(v).matches() ? v : invalid(key, v, allowed, v)).orElse("");
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
            return invalid(key, v, expected, fallback);
        }
        if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
            return invalid(key, v, expected, fallback);
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
            default -> invalid(key, v, "true 或 false", fallback);
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
            return invalid(key, v, "时长，如 500ms、30s、15m、4h、2d 或 PT15M", fallback);
        }
    }

    /** When collecting, a bad value reads as the first constant (the start fails anyway). */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        E first = type.getEnumConstants()[0];
        return text(key).map(v -> {
            try {
                return Enum.valueOf(type, v.toUpperCase());
            } catch (IllegalArgumentException e) {
                String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining("、"));
                return invalid(key, v, allowed, first);
            }
        }).orElse(first);
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
        return has(key) ? enumValue(key, type) : fallback;
    }

    public ConfigNode child(String key) {
        Object v = values.get(key);
        if (v == null) {
            return new ConfigNode(source, problems, key(key), indexKey(key), Map.of());
        }
        if (!(v instanceof Map<?, ?> map)) {
            report(key, v, "映射（键: 值）");
            return new ConfigNode(source, problems.silenced(), key(key), indexKey(key), Map.of());
        }
        return new ConfigNode(source, problems, key(key), indexKey(key), asStringMap(map));
    }

    /** A list of mappings, e.g. {@code people: [{userid: ..}, ..]}; absent means empty. */
    public List<ConfigNode> children(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            return invalid(key, v, "列表", List.of());
        }
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            String itemAt = indexKey(key) + "[" + i + "]";
            if (!(item instanceof Map<?, ?> map)) {
                problems.report(ConfigProblem.invalid(file(), lineAt(itemAt), key(key) + "[" + i + "]", item, "映射（键: 值）"));
                continue;
            }
            Map<String, Object> values = asStringMap(map);
            out.add(new ConfigNode(source, problems, key(key) + "[" + ConfigSource.itemName(values, i) + "]", itemAt, values));
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
                String itemAt = indexKey(key) + "[" + i + "]";
                problems.report(ConfigProblem.invalid(file(), lineAt(itemAt), key(key) + "[" + i + "]", item, "文本"));
                continue;
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

    /** For a loader that cannot go on: throw what this returns (it carries the problems found so far). */
    public ConfigException error(String key, Object value, String allowed) {
        return problems.exception(problem(key, value, allowed));
    }

    /** For a loader that can go on (a duplicate, a cross-check): thrown when strict, collected at start. */
    public void report(String key, Object value, String allowed) {
        problems.report(problem(key, value, allowed));
    }

    private ConfigProblem problem(String key, Object value, String allowed) {
        return ConfigProblem.invalid(file(), line(key), key(key), value, allowed);
    }

    private <T> T invalid(String key, Object value, String allowed, T fallback) {
        report(key, value, allowed);
        return fallback;
    }

    private String indexKey(String key) {
        return at.isEmpty() ? key : at + "." + key;
    }

    private int lineAt(String indexPath) {
        Integer line = source.lines().get(indexPath);
        return line == null ? line("") : line;
    }

    static Map<String, Object> asStringMap(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
