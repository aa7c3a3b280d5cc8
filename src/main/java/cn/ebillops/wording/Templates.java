package cn.ebillops.wording;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigException;
import cn.ebillops.config.ConfigNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.text.StringSubstitutor;
import org.apache.commons.text.lookup.StringLookup;

/**
 * The defaults merged with the hospital's overrides, validated. The default template of a key
 * fixes the placeholders the code supplies; an override may use fewer of them, never others.
 */
final class Templates {

    static final String DEFAULTS = "wording/zh-CN.yml";
    static final String FILE = "wording.yml";

    private final Map<String, String> templates;
    private final Map<String, Set<String>> placeholders;

    private Templates(Map<String, String> templates, Map<String, Set<String>> placeholders) {
        this.templates = templates;
        this.placeholders = placeholders;
    }

    static Templates defaults() {
        Map<String, String> defaults = flatten(readDefaults(), "");
        Map<String, Set<String>> names = new LinkedHashMap<>();
        defaults.forEach((key, template) -> names.put(key, placeholdersOf(template)));
        return new Templates(Map.copyOf(defaults), Map.copyOf(names));
    }

    static Templates load(BotConfigFiles files) {
        return defaults().overriddenBy(files.readOptional(FILE));
    }

    /** Applies a bot-config override file; an unknown key or placeholder is a configuration error. */
    Templates overriddenBy(ConfigNode overrides) {
        Map<String, String> merged = new LinkedHashMap<>(templates);
        flatten(overrides, "").forEach((key, template) -> {
            if (!templates.containsKey(key)) {
                throw new ConfigException("配置错误 bot-config/%s：键 %s 不是已知的话术（只能改写已有的键，见 %s）"
                        .formatted(overrides.file(), key, "docs/wording.md"));
            }
            Set<String> unknown = new TreeSet<>(placeholdersOf(template));
            unknown.removeAll(placeholders.get(key));
            if (!unknown.isEmpty()) {
                throw new ConfigException("配置错误 bot-config/%s：键 %s 的文字用了程序不提供的占位符 %s，这段话只能用：%s"
                        .formatted(overrides.file(), key, braced(unknown), placeholders.get(key).isEmpty()
                                ? "（无占位符）" : braced(placeholders.get(key))));
            }
            merged.put(key, template);
        });
        return new Templates(Map.copyOf(merged), placeholders);
    }

    String template(String key) {
        String t = templates.get(key);
        if (t == null) {
            throw new IllegalArgumentException("wording key " + key + " is not in " + DEFAULTS);
        }
        return t;
    }

    Set<String> placeholders(String key) {
        template(key);
        return placeholders.get(key);
    }

    Set<String> keys() {
        return Collections.unmodifiableSet(new TreeSet<>(templates.keySet()));
    }

    /** ${name} only: no default values (${a:-b}) and no nested lookups, so editors meet one form. */
    static StringSubstitutor substitutor(StringLookup lookup) {
        StringSubstitutor s = new StringSubstitutor(lookup);
        s.setValueDelimiterMatcher(null);
        s.setDisableSubstitutionInValues(true);
        s.setEnableUndefinedVariableException(true);
        return s;
    }

    /** The placeholder names of a template, found by the substitutor itself rather than a second parser. */
    static Set<String> placeholdersOf(String template) {
        Set<String> names = new LinkedHashSet<>();
        substitutor(name -> {
            names.add(name);
            return "";
        }).replace(template);
        return Collections.unmodifiableSet(names);
    }

    private static ConfigNode readDefaults() {
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the class path");
            }
            return BotConfigFiles.parse(DEFAULTS, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** incident: {acknowledged: "…"} and "incident.acknowledged": "…" both become incident.acknowledged. */
    private static Map<String, String> flatten(ConfigNode node, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten(node.file(), node.raw(), prefix, out);
        return out;
    }

    private static void flatten(String file, Map<?, ?> map, String prefix, Map<String, String> out) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix + e.getKey();
            Object v = e.getValue();
            if (v instanceof Map<?, ?> child) {
                flatten(file, child, key + ".", out);
            } else if (v instanceof String s) {
                out.put(key, s);
            } else {
                throw new ConfigException("配置错误 bot-config/%s：键 %s 的值 \"%s\" 无效，允许：一段文字（用引号括起）"
                        .formatted(file, key, v instanceof List<?> ? "列表" : v));
            }
        }
    }

    private static String braced(Set<String> names) {
        return names.stream().map(n -> "${" + n + "}").collect(Collectors.joining("、"));
    }
}
