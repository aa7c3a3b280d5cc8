package cn.ebillops.config;

/**
 * One mistake in the configuration, as an administrator reads it: where (a bot-config file or an
 * environment variable), the line when known, and what is wrong — for a bad value the key, the
 * value and what is allowed.
 *
 * @param where "bot-config/hospital.yaml", "环境变量", or null for a free sentence
 * @param line  1-based line in the file, 0 when not known
 * @param text  what is wrong, in Chinese
 */
public record ConfigProblem(String where, int line, String text) {

    private static final int MAX_VALUE = 60;

    static ConfigProblem invalid(String file, int line, String key, Object value, String allowed) {
        return new ConfigProblem("bot-config/" + file, line,
                "键 %s 的值 \"%s\" 无效，允许：%s".formatted(key, shorten(value), allowed));
    }

    static ConfigProblem inFile(String file, int line, String text) {
        return new ConfigProblem("bot-config/" + file, line, text);
    }

    /** A problem with an environment variable; the text names the variable. */
    public static ConfigProblem environment(String text) {
        return new ConfigProblem("环境变量", 0, text);
    }

    /** A sentence that already says where (messages written before problems were collected). */
    static ConfigProblem sentence(String text) {
        return new ConfigProblem(null, 0, text);
    }

    /** The line printed for the administrator. */
    public String message() {
        if (where == null) {
            return text;
        }
        return "配置错误 " + where + (line > 0 ? " 第 " + line + " 行" : "") + "：" + text;
    }

    // a whole mapping pasted where a word belongs would otherwise fill the screen
    private static String shorten(Object value) {
        String s = String.valueOf(value).replace("\n", " ");
        return s.length() <= MAX_VALUE ? s : s.substring(0, MAX_VALUE) + "…";
    }
}
