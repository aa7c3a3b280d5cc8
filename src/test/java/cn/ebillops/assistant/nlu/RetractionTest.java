package cn.ebillops.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A report taken back, told apart from faults that use the same words. */
class RetractionTest {

    @ParameterizedTest
    @ValueSource(strings = {"不好意思，不是故障，是我自己操作错了", "误报了，不用处理了", "虚惊一场，是网线松了",
        "𠊎个账号又登得入了，毋使再处理了", "是我点错了", "UKey没插好而已，刚才的报修撤回", "搞错了，这单不算故障"})
    void aReportTakenBackIsRecognised(String text) {
        assertThat(Retraction.in(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"冲红撤销失败，提示票据状态异常", "系统把金额搞错了，开出来的票不对", "撤销核销的时候报错",
        "开票失败，提示系统错误", "还是不行"})
    void faultsUsingTheSameWordsAreNot(String text) {
        assertThat(Retraction.in(text)).isFalse();
    }
}
