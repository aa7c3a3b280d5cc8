package cn.ebillops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotConfigLoaderTest {

    private static final String VALID = """
            hospital:
              name: 梅州市中医医院
            people:
              - userid: chenxia
                name: 陈霞
                role: STAFF
              - userid: zhanggong
                name: 张工
                role: engineer
                phone: "13800138001"
            groups:
              - chatid: wr_cashier
                name: 收费处群
                robotWebhookEnv: WECOM_ROBOT_CASHIER
            """;

    private static BotConfig load(String yaml) {
        return BotConfigLoader.load(BotConfigFiles.parse("hospital.yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void loadsPeopleRolesAndGroups() {
        BotConfig config = load(VALID);
        assertThat(config.hospital().shortName()).isEqualTo("梅州市中医医院");
        assertThat(config.person("zhanggong").role()).isEqualTo(Role.ENGINEER);
        assertThat(config.group("wr_cashier")).map(ChatGroup::robotWebhookEnv).contains("WECOM_ROBOT_CASHIER");
    }

    @Test
    void botNamesAreOptionalAndMustNotHoldTheAt() {
        assertThat(load(VALID).botNames()).isEmpty();
        assertThat(load(VALID + "botNames:\n  - 助手\n  - 运维助手\n").botNames()).containsExactly("助手", "运维助手");
        assertThatThrownBy(() -> load(VALID + "botNames:\n  - \"@助手\"\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("botNames");
    }

    @Test
    void unknownUserIsStaffNeverEngineer() {
        Person stranger = load(VALID).person("someone-new");
        assertThat(stranger.role()).isEqualTo(Role.STAFF);
        assertThat(stranger.role().isEngineer()).isFalse();
    }

    @Test
    void wrongRoleNamesFileKeyValueAndAllowed() {
        assertThatThrownBy(() -> load(VALID.replace("role: STAFF", "role: BOSS")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bot-config/hospital.yaml")
                .hasMessageContaining("people[userid=chenxia].role")
                .hasMessageContaining("BOSS")
                .hasMessageContaining("STAFF、ENGINEER、ADMIN");
    }

    @Test
    void duplicateUserIdIsRefused() {
        assertThatThrownBy(() -> load(VALID.replace("userid: zhanggong", "userid: chenxia")))
                .hasMessageContaining("people[userid=chenxia].userid").hasMessageContaining("不重复");
    }

    @Test
    void secretInsteadOfEnvNameIsRefused() {
        assertThatThrownBy(() -> load(VALID.replace("WECOM_ROBOT_CASHIER",
                "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc")))
                .hasMessageContaining("groups[chatid=wr_cashier].robotWebhookEnv").hasMessageContaining("环境变量名");
    }

    @Test
    void missingHospitalNameIsNamed() {
        assertThatThrownBy(() -> load(VALID.replace("  name: 梅州市中医医院\n", "")))
                .hasMessageContaining("hospital.name").hasMessageContaining("缺失");
    }

    @Test
    void malformedYamlNamesFileAndLine() {
        assertThatThrownBy(() -> load("hospital:\n  name: [unclosed\npeople: x\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bot-config/hospital.yaml").hasMessageContaining("行");
    }

    @Test
    void missingFileNamesTheFile(@TempDir Path dir) {
        assertThatThrownBy(() -> new BotConfigFiles(dir).read("hospital.yaml"))
                .hasMessageContaining("bot-config/hospital.yaml：找不到此文件");
    }
}
