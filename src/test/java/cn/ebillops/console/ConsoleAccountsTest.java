package cn.ebillops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.config.BotConfig;
import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.BotConfigLoader;
import cn.ebillops.config.ConfigException;
import cn.ebillops.testsupport.TestBotConfig;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetails;

/** bot-config/console-accounts.yaml: hashes for people of hospital.yaml, nothing else. */
class ConsoleAccountsTest {

    static final String HASH = "{bcrypt}$2a$10$Gp8VavAhBAl1H8tMka4RbOR93RsgNIVOiVZhcjRirgijc0jkq0OPC";
    final BotConfig people = new BotConfigLoader().botConfig(TestBotConfig.files());

    Map<String, UserDetails> load(String yaml) {
        return ConsoleAccounts.load(BotConfigFiles.parse(ConsoleAccounts.FILE,
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))), people);
    }

    @Test
    void accountTakesItsRoleFromHospitalYaml() {
        UserDetails manager = load("accounts:\n  - {userid: wangjingli, password: \"" + HASH + "\"}\n").get("wangjingli");
        assertThat(manager.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
        assertThat(manager.getPassword()).isEqualTo(HASH);
    }

    @Test
    void plainTextPasswordIsRefusedWithFileAndKeyButNotTheValue() {
        assertThatThrownBy(() -> load("accounts:\n  - {userid: wangjingli, password: \"{noop}secret-password\"}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bot-config/console-accounts.yaml").hasMessageContaining("accounts[userid=wangjingli].password")
                .hasMessageContaining("scripts/hash-password.sh").hasMessageNotContaining("secret-password");
    }

    @Test
    void unknownPersonAndSecondAccountAreRefused() {
        assertThatThrownBy(() -> load("accounts:\n  - {userid: mallory, password: \"" + HASH + "\"}\n"))
                .hasMessageContaining("accounts[userid=mallory].userid").hasMessageContaining("hospital.yaml");
        assertThatThrownBy(() -> load("accounts:\n  - {userid: chenxia, password: \"" + HASH + "\"}\n"
                + "  - {userid: chenxia, password: \"" + HASH + "\"}\n")).hasMessageContaining("第 3 行").hasMessageContaining("accounts[userid=chenxia].userid");
    }

    @Test
    void absentFileMeansNoAccounts() {
        assertThat(load("")).isEmpty();
    }
}
