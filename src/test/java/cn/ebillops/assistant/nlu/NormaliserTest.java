package cn.ebillops.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigException;
import cn.ebillops.testsupport.TestBotConfig;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The first stage with the shipped word lists (bot-config/nlu/normalise.yaml). */
class NormaliserTest {

    private final Normaliser normaliser = Normaliser.load(TestBotConfig.files());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "𠊎兜成间都登毋入系统 | 我们整个都登不入系统",
        "佢仲系开唔到票 | 他还是开不了票",
        "而家搞掂未 | 现在好了吗",
        "边个值班 | 谁值班",
        "ＯＫ未？ | 好了吗?",
        "still broken | 还是不行",
        "system down 啦 | 系统宕机 啦"})
    void dialectAndEnglishBecomeMandarin(String typed, String understood) {
        assertThat(normaliser.normalise(typed)).isEqualTo(understood);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "开飘失败 | 开票失败",
        "签民验证不过 | 签名验证不过",
        "短信推宋不出去 | 短信推送不出去",
        "今晚谁值半 | 今晚谁值班",
        "帮忙巡间一下 | 帮忙巡检一下",
        "归挡文件找不到 | 归档文件找不到",
        "服务器当机了 | 服务器宕机了"})
    void pinyinTyposOfDomainWordsAreCorrected(String typed, String understood) {
        assertThat(normaliser.normalise(typed)).isEqualTo(understood);
    }

    @ParameterizedTest
    @CsvSource({"他请了保镖", "当即处理", "停电的话还开得到票吗", "体检系统传过来的金额不对", "下载 download 很慢"})
    void realWordsThatSoundAlikeStayAsTyped(String typed) {
        assertThat(normaliser.normalise(typed)).isEqualTo(typed.replace("download", "download"));
    }

    @Test
    void voiceFillersAreDroppedButNotInsideWords() {
        assertThat(normaliser.normalise("嗯 那个那个 开票 呃 报错了")).isEqualTo("开票 报错了");
        assertThat(normaliser.normalise("金额不对")).isEqualTo("金额不对");
    }

    @Test
    void emojiGoAndFullWidthBecomesHalfWidth() {
        assertThat(normaliser.normalise("开票失败😭！！ＨＩＳ")).isEqualTo("开票失败!!his");
    }

    @Test
    void oneWordMappedTwiceToDifferentMandarinNamesTheKey() {
        String yaml = """
                dialect:
                  hakka: {係: 是}
                  cantonese: {係: 系}
                """;
        assertThatThrownBy(() -> Normaliser.from(BotConfigFiles.parse(Normaliser.FILE,
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("係").hasMessageContaining("是");
    }
}
