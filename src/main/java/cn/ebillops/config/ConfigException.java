package cn.ebillops.config;

/**
 * A bot-config file is wrong. The message names the file, the key, the bad value and what is
 * allowed, so that an administrator can fix it without reading code.
 */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    static ConfigException invalid(String file, String key, Object value, String allowed) {
        return new ConfigException("配置错误 bot-config/%s: 键 %s 的值 \"%s\" 无效，允许：%s"
                .formatted(file, key, value, allowed));
    }
}
