package cn.ebillops.config;

import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} and {@code ${NAME:default}} in a bot-config file, filled from the environment before the
 * YAML is read: one variable (EBILLOPS_PORT) moves the demo's targets with the stand-ins, and a hospital can
 * keep addresses that differ per server out of the files. Only upper-case names count, so the wording
 * templates' own {@code ${level}} placeholders pass untouched. Substitution stays on its line: line numbers
 * in problems still point at the file as written.
 */
final class EnvPlaceholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}\\n]*))?}");

    private EnvPlaceholders() {
    }

    /** {@code text} with every placeholder filled; an unset variable without a default is reported, left empty. */
    static String fill(String file, String text, Map<String, String> env, Consumer<ConfigProblem> problems) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.get(m.group(1));
            if (value == null) {
                value = m.group(2);
            }
            if (value == null) {
                problems.accept(ConfigProblem.inFile(file, lineOf(text, m.start()),
                        "引用的环境变量 " + m.group(1) + " 没有设置（写成 ${" + m.group(1) + ":默认值} 可给默认值）"));
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.replace("\n", " ")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
