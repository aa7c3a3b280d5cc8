package cn.ebillops.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rules on the environment a production start needs, kept here so that the start (the module
 * that uses the value) and scripts/check-config.sh apply the same rule and say the same sentence.
 */
public final class EnvironmentRules {

    public static final String LINK_SECRET = "EBILLOPS_LINK_SECRET";
    public static final int MIN_LINK_SECRET = 32;

    private EnvironmentRules() {
    }

    /**
     * The report links' signing secret: at least {@value #MIN_LINK_SECRET} characters; absent only
     * where a random secret per start is allowed (demo and tests).
     */
    public static Optional<ConfigProblem> linkSecret(String secret, boolean randomAllowed) {
        if (secret != null && !secret.isBlank()) {
            return secret.length() >= MIN_LINK_SECRET ? Optional.empty()
                    : Optional.of(ConfigProblem.environment("%s 太短（%d 个字符）：报告链接的签名密钥至少 %d 个字符（如 openssl rand -base64 48）"
                            .formatted(LINK_SECRET, secret.length(), MIN_LINK_SECRET)));
        }
        return randomAllowed ? Optional.empty()
                : Optional.of(ConfigProblem.environment("未设置 " + LINK_SECRET + "：聊天里的报告下载链接需要签名密钥"
                        + "（至少 %d 个字符，如 openssl rand -base64 48），见 README 的生产部署一节".formatted(MIN_LINK_SECRET)));
    }

    /** Every rule above against a process environment; demo allows what the demo profile allows. */
    static List<ConfigProblem> check(Map<String, String> env) {
        boolean demo = env.getOrDefault("SPRING_PROFILES_ACTIVE", "").contains("demo");
        List<ConfigProblem> out = new ArrayList<>();
        linkSecret(env.get(LINK_SECRET), demo).ifPresent(out::add);
        return out;
    }
}
