package cn.ebillops.wording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordingTest {

    @TempDir
    Path botConfig;

    @Test
    void rendersNamedPlaceholdersFromTheDefaults() {
        assertThat(Wording.defaults().text("incident.ack.done", "engineer", "张工", "headline", "故障单 #3"))
                .isEqualTo("✅ 张工 已接单：故障单 #3");
    }

    @Test
    void aValueIsInsertedAsItIsEvenWhenItLooksLikeAPlaceholder() {
        assertThat(Wording.defaults().text("incident.followup.handling", Map.of("engineer", "${ref} $${x}")))
                .isEqualTo("${ref} $${x} 正在处理。");
    }

    @Test
    void aPlaceholderTheCodeDoesNotSupplyIsAnErrorNotABlank() {
        assertThatThrownBy(() -> Wording.defaults().text("incident.ack.done", "engineer", "张工"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("headline");
    }

    @Test
    void aKeyMissingFromTheDefaultsIsAnError() {
        assertThatThrownBy(() -> Wording.defaults().text("incident.noSuchKey"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("incident.noSuchKey");
    }

    @Test
    void withoutAnOverrideFileTheDefaultsApply() {
        assertThat(new Wording(new BotConfigFiles(botConfig)).text("incident.followup.handling", "engineer", "李工"))
                .isEqualTo("李工 正在处理。");
    }

    @Test
    void theHospitalRewritesAKeyAndMayLeaveOutPlaceholders() throws IOException {
        write("""
                incident:
                  ack:
                    done: "👍 ${engineer} 接单了"
                "incident.followup.none": "暂无未关闭的故障单。"
                """);
        Wording wording = new Wording(new BotConfigFiles(botConfig));
        assertThat(wording.text("incident.ack.done", "engineer", "张工", "headline", "故障单 #3")).isEqualTo("👍 张工 接单了");
        assertThat(wording.text("incident.followup.none")).isEqualTo("暂无未关闭的故障单。");
        assertThat(wording.text("incident.followup.handling", "engineer", "李工")).isEqualTo("李工 正在处理。");
    }

    @Test
    void anUnknownKeyInTheOverrideFileIsAChineseConfigurationError() throws IOException {
        write("""
                incident:
                  ack:
                    dnoe: "拼错的键"
                """);
        assertThatThrownBy(() -> new Wording(new BotConfigFiles(botConfig)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bot-config/wording.yml").hasMessageContaining("incident.ack.dnoe")
                .hasMessageContaining("不是已知的话术");
    }

    @Test
    void aPlaceholderTheCodeDoesNotSupplyIsAChineseConfigurationError() throws IOException {
        write("""
                incident.ack.done: "${engineer} 已接单，电话 ${phone}"
                """);
        assertThatThrownBy(() -> new Wording(new BotConfigFiles(botConfig)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bot-config/wording.yml").hasMessageContaining("incident.ack.done")
                .hasMessageContaining("${phone}").hasMessageContaining("${engineer}、${headline}");
    }

    @Test
    void aValueThatIsNotTextIsAChineseConfigurationError() throws IOException {
        write("""
                incident.followup.none: 12
                """);
        assertThatThrownBy(() -> new Wording(new BotConfigFiles(botConfig)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bot-config/wording.yml").hasMessageContaining("incident.followup.none");
    }

    @Test
    void aReloadReadsTheFileAgainAndAWrongFileKeepsTheWordingInUse() throws IOException {
        Wording wording = new Wording(new BotConfigFiles(botConfig));
        write("incident.followup.none: \"没有了\"\n");
        wording.reload();
        assertThat(wording.text("incident.followup.none")).isEqualTo("没有了");
        write("incident.followup.nope: \"错\"\n");
        assertThatThrownBy(wording::reload).isInstanceOf(ConfigException.class).hasMessageContaining("incident.followup.nope");
        assertThat(wording.text("incident.followup.none")).isEqualTo("没有了");
    }

    @Test
    void theShippedBotConfigOverridesAreValid() {
        new Wording(new BotConfigFiles(Path.of("bot-config")));
    }

    private void write(String yaml) throws IOException {
        Files.writeString(botConfig.resolve("wording.yml"), yaml);
    }
}
