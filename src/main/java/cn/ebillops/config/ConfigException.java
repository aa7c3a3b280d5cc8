package cn.ebillops.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration is wrong. Carries every problem found in one load (not just the first), each
 * naming the file, the line, the key, the bad value and what is allowed, so that an administrator
 * can fix them all in one go without reading code.
 */
public class ConfigException extends RuntimeException {

    private final transient List<ConfigProblem> problems;

    public ConfigException(String message) {
        this(List.of(ConfigProblem.sentence(message)), null);
    }

    public ConfigException(String message, Throwable cause) {
        this(List.of(ConfigProblem.sentence(message)), cause);
    }

    public ConfigException(List<ConfigProblem> problems) {
        this(problems, null);
    }

    private ConfigException(List<ConfigProblem> problems, Throwable cause) {
        super(problems.stream().map(ConfigProblem::message).collect(Collectors.joining("\n")), cause);
        this.problems = List.copyOf(problems);
    }

    /** In the order found; never empty. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    static ConfigException invalid(String file, String key, Object value, String allowed) {
        return new ConfigException(List.of(ConfigProblem.invalid(file, 0, key, value, allowed)));
    }
}
