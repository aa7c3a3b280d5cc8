package cn.ebillops.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds {@link BotConfig} from bot-config/hospital.yaml at start; a wrong file fails start with
 * every mistake in it (each check reports and goes on, see {@link ConfigNode#report}).
 */
@Configuration(proxyBeanMethods = false)
public class BotConfigLoader {

    static final String FILE = "hospital.yaml";
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
    private static final Pattern PHONE = Pattern.compile("(\\+?\\d[\\d-]{4,19})?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

    @Bean
    public BotConfig botConfig(BotConfigFiles files) {
        return load(files.read(FILE));
    }

    public static BotConfig load(ConfigNode root) {
        ConfigNode h = root.child("hospital");
        String name = h.string("name");
        Hospital hospital = new Hospital(name, h.string("shortName", name),
                h.string("vendor", ""), h.string("contractPeriod", ""));

        Set<String> ids = new HashSet<>();
        List<Person> people = new ArrayList<>();
        for (ConfigNode p : root.children("people")) {
            String id = p.matching("userid", USER_ID, "WeCom 账号：字母、数字、_ . @ -，1 到 64 位");
            Person person = new Person(id, p.string("name"), p.enumValue("role", Role.class),
                    p.has("phone") ? p.matching("phone", PHONE, "电话号码，如 13800138000 或 0753-2188000") : "",
                    p.string("department", ""));
            if (ids.add(id)) {
                people.add(person);
            } else {
                p.report("userid", id, "不重复的账号"); // the second is left out: lookups by userid need one
            }
        }
        if (people.isEmpty()) {
            root.report("people", "(空)", "至少一位人员（userid、name、role）");
        }

        Set<String> chatIds = new HashSet<>();
        List<ChatGroup> groups = new ArrayList<>();
        for (ConfigNode g : root.children("groups")) {
            String id = g.string("chatid");
            String env = g.has("robotWebhookEnv")
                    ? g.matching("robotWebhookEnv", ENV_NAME, "环境变量名（大写字母、数字、下划线）") : "";
            ChatGroup group = new ChatGroup(id, g.string("name"), env, g.bool("notices", true));
            if (chatIds.add(id)) {
                groups.add(group);
            } else {
                g.report("chatid", id, "不重复的群 ID");
            }
        }
        List<String> botNames = root.strings("botNames");
        for (String bot : botNames) {
            if (bot.isEmpty() || bot.length() > 32 || bot.contains("@") || bot.contains("＠")) {
                root.report("botNames", bot, "机器人在企业微信里的显示名（不含 @，1 到 32 个字符）");
            }
        }
        return new BotConfig(hospital, people, groups, botNames);
    }
}
