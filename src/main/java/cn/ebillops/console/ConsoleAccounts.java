package cn.ebillops.console;

import cn.ebillops.config.BotConfig;
import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigNode;
import cn.ebillops.config.Person;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Who may log in to the console: bot-config/console-accounts.yaml gives a password hash to people
 * of hospital.yaml. Only hashes of Spring Security's delegating encoder ({bcrypt}…, {argon2@…}, made
 * by scripts/hash-password.sh) are taken; a plain-text ({noop}) password or an unknown person
 * fails the start with the file, key and what is allowed.
 */
@Component
class ConsoleAccounts {

    static final String FILE = "console-accounts.yaml";
    private static final Logger log = LoggerFactory.getLogger(ConsoleAccounts.class);
    private static final Pattern HASH = Pattern.compile(
            "\\{(bcrypt|argon2@SpringSecurity_v5_8|pbkdf2@SpringSecurity_v5_8|scrypt@SpringSecurity_v5_8)}\\S{20,}");

    private final Map<String, UserDetails> accounts;

    ConsoleAccounts(BotConfigFiles files, BotConfig config, ConsoleProperties properties) {
        this.accounts = load(files.readOptional(FILE), config);
        if (properties.login() && accounts.isEmpty()) {
            log.warn("控制台需要登录，但 bot-config/{} 里没有账号：没有人能登录（用 scripts/hash-password.sh 生成密码哈希）", FILE);
        }
    }

    static Map<String, UserDetails> load(ConfigNode root, BotConfig config) {
        Map<String, UserDetails> byId = new HashMap<>();
        for (ConfigNode a : root.children("accounts")) {
            String userId = a.string("userid");
            Person person = config.findPerson(userId).orElseThrow(() -> a.error("userid", userId,
                    "bot-config/hospital.yaml 的 people 里已有的 userid"));
            String hash = a.string("password");
            if (!HASH.matcher(hash).matches()) {
                throw a.error("password", "（不显示）",
                        "scripts/hash-password.sh 生成的密码哈希，如 {bcrypt}$2a$10$…（不接受明文或 {noop}）");
            }
            if (byId.put(userId, User.withUsername(userId).password(hash)
                    .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + person.role().name()))).build()) != null) {
                throw a.error("userid", userId, "每人一个账号（不重复的 userid）");
            }
        }
        return Map.copyOf(byId);
    }

    /** A fresh copy each time: Spring Security erases the password of what it authenticated. */
    Optional<UserDetails> find(String userId) {
        return Optional.ofNullable(accounts.get(userId)).map(u -> User.withUserDetails(u).build());
    }

    int count() {
        return accounts.size();
    }
}
