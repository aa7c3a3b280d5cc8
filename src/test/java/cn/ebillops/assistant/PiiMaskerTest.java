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
    void leavesOrdinaryTextAndBillNumbersAlone() {
        assertThat(masker.mask("3号窗口开票失败，票号0012345678")).isEqualTo("3号窗口开票失败，票号0012345678");
        assertThat(masker.mask("ORA-01653 无法扩展表")).isEqualTo("ORA-01653 无法扩展表");
    }
}
