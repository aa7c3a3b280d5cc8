package cn.ebillops.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiMaskerTest {

    private final PiiMasker masker = new PiiMasker();

    @Test
    void masksResidentIdNumbers() {
        String out = masker.mask("身份证440102199001011234开票失败");
        assertThat(out).doesNotContain("19900101").startsWith("身份证440102").endsWith("开票失败");
        assertThat(masker.mask("证件号 44010219900101123X")).doesNotContain("19900101123");
    }

    @Test
    void masksMobileAndLandlineNumbers() {
        assertThat(masker.mask("病人电话13812345678收不到短信")).contains("138****5678").doesNotContain("13812345678");
        assertThat(masker.mask("打 +86 138-1234-5678")).doesNotContain("1234-5678");
        assertThat(masker.mask("座机0753-2188123")).contains("0753-****23");
    }

    @Test
    void masksNamesLabelledAsPatients() {
        assertThat(masker.mask("患者张三丰的票据没收到")).contains("患者张**").doesNotContain("张三丰");
        assertThat(masker.mask("病人李四说没收到短信")).doesNotContain("李四");
    }

    @Test
    void masksANameWrittenRightBeforeOrAfterAPhoneOrIdNumber() {
        assertThat(masker.mask("王小明 13812345678 没收到票据")).isEqualTo("王** 138****5678 没收到票据");
        assertThat(masker.mask("13812345678王小明没收到票据")).isEqualTo("138****5678王**没收到票据");
        assertThat(masker.mask("王小明:13812345678")).isEqualTo("王**:138****5678");
        assertThat(masker.mask("王小明，13812345678")).isEqualTo("王**，138****5678");
        assertThat(masker.mask("电话13812345678，李四说没收到")).isEqualTo("电话138****5678，李*说没收到");
        assertThat(masker.mask("欧阳娜娜 440102199001011234 补打")).doesNotContain("欧阳娜娜").startsWith("欧***");
        assertThat(masker.mask("440102199001011234：张伟")).doesNotContain("张伟");
        assertThat(masker.mask("座机0753-2188123 张伟")).isEqualTo("座机0753-****23 张*");
        assertThat(masker.mask("王小明电话13812345678")).isEqualTo("王**电话138****5678");
        assertThat(masker.mask("我是王小明13812345678")).doesNotContain("王小明").doesNotContain("小明");
    }

    @Test
    void neverMasksAcrossSentencePunctuationAndKeepsLabelsReadable() {
        assertThat(masker.mask("收费处王小明。13812345678 没收到")).startsWith("收费处王小明。138****5678");
        assertThat(masker.mask("13812345678。王小明来过")).isEqualTo("138****5678。王小明来过");
        assertThat(masker.mask("病人电话13812345678收不到短信")).isEqualTo("病人电话138****5678收不到短信");
        assertThat(masker.mask("身份证440102199001011234开票失败")).startsWith("身份证440102").endsWith("开票失败");
    }

    @Test
    void maskingTwiceChangesNothingMore() {
        for (String s : new String[] {"王小明 13812345678 没收到票据", "13812345678王小明没收到票据",
                "病人张三身份证440102199001011234电话13812345678开票失败"}) {
            String once = masker.mask(s);
            assertThat(masker.mask(once)).isEqualTo(once);
        }
    }

    @Test
    void leavesOrdinaryTextAndBillNumbersAlone() {
        assertThat(masker.mask("3号窗口开票失败，票号0012345678")).isEqualTo("3号窗口开票失败，票号0012345678");
        assertThat(masker.mask("ORA-01653 无法扩展表")).isEqualTo("ORA-01653 无法扩展表");
    }
}
