package cn.ebillops.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MentionStripperTest {

    private final MentionStripper unnamed = MentionStripper.of(List.of());
    private final MentionStripper named = MentionStripper.of(List.of("助手", "电子票据运维助手"));

    @Test
    void mentionEndsAtWhitespace() {
        assertThat(unnamed.strip("@助手 开票失败")).isEqualTo("开票失败");
        assertThat(unnamed.strip("@助手\u2005开票失败")).isEqualTo("开票失败");
        assertThat(unnamed.strip("开票失败 @助手")).isEqualTo("开票失败");
        assertThat(unnamed.strip("＠助手 ／ping")).isEqualTo("／ping");
    }

    @Test
    void mentionEndsAtChineseAndAsciiPunctuation() {
        for (String sep : List.of("，", ",", "：", ":", "、", "！", "!", "？", "?")) {
            assertThat(unnamed.strip("@助手" + sep + "开票失败")).as("separator %s", sep).isEqualTo("开票失败");
        }
        assertThat(unnamed.strip("@张工，@助手：开票失败")).isEqualTo("开票失败");
    }

    @Test
    void eMailAddressesStay() {
        assertThat(unnamed.strip("@助手 报表发到 zhang.san@hospital.cn 了吗"))
                .isEqualTo("报表发到 zhang.san@hospital.cn 了吗");
        assertThat(named.strip("联系 it-support@mzzyy.com，@助手开票失败"))
                .isEqualTo("联系 it-support@mzzyy.com，开票失败");
    }

    @Test
    void chineseTextRightBeforeTheAtIsStillAMention() {
        assertThat(unnamed.strip("麻烦@助手 看一下开票失败")).isEqualTo("麻烦看一下开票失败");
    }

    @Test
    void aKnownBotNameIsSplitFromTheWordsGluedToIt() {
        assertThat(named.strip("@助手开票失败")).isEqualTo("开票失败");
        assertThat(named.strip("＠助手开票失败")).isEqualTo("开票失败");
        assertThat(named.strip("@电子票据运维助手开票失败")).as("the longest name wins").isEqualTo("开票失败");
        assertThat(named.strip("@助手 开票失败")).isEqualTo("开票失败");
        assertThat(named.strip("@助手，开票失败")).isEqualTo("开票失败");
        assertThat(named.strip("@张工 @助手开票失败")).isEqualTo("开票失败");
    }

    @Test
    void withoutTheNameAGluedMentionCannotBeSplitAndGoesWhole() {
        assertThat(unnamed.strip("@助手开票失败")).isEmpty();
    }
}
