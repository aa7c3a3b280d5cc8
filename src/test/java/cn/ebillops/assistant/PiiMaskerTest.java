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

    @Test
    void masksFirstGenerationFifteenDigitResidentIds() {
        assertThat(masker.mask("身份证440102900101123补打")).isEqualTo("身份证440102***********3补打");
        assertThat(masker.mask("身份证号130503670401001开票失败")).isEqualTo("身份证号130503***********1开票失败");
    }

    @Test
    void masksEighteenDigitIdsKeepingRegionAndCheckCharacterOnly() {
        assertThat(masker.mask("440102199001011234")).isEqualTo("440102***********4");
        assertThat(masker.mask("44010219900101123x")).isEqualTo("440102***********x");
        assertThat(masker.mask("44010220000229123X")).isEqualTo("440102***********X");
    }

    @Test
    void leavesDigitRunsThatAreNoIdNumberAlone() {
        assertThat(masker.mask("流水号4401021990010112345")).isEqualTo("流水号4401021990010112345");
        assertThat(masker.mask("票号4401029001011234")).isEqualTo("票号4401029001011234");
        assertThat(masker.mask("A440102900101123")).isEqualTo("A440102900101123");
        assertThat(masker.mask("040102900101123")).as("no region code starts with 0").isEqualTo("040102900101123");
    }

    @Test
    void masksMobileNumbersOfEveryCurrentPrefixIncluding18xAnd19x() {
        assertThat(masker.mask("18912345678")).isEqualTo("189****5678");
        assertThat(masker.mask("电话18612345678")).isEqualTo("电话186****5678");
        assertThat(masker.mask("19912345678")).isEqualTo("199****5678");
        assertThat(masker.mask("19112345678")).isEqualTo("191****5678");
        assertThat(masker.mask("13012345678")).isEqualTo("130****5678");
        assertThat(masker.mask("15912345678")).isEqualTo("159****5678");
        assertThat(masker.mask("17712345678")).isEqualTo("177****5678");
    }

    @Test
    void masksMobileNumbersWrittenWithCountryCodeOrSeparators() {
        assertThat(masker.mask("打+8618912345678")).isEqualTo("打189****5678");
        assertThat(masker.mask("打 86-189-1234-5678。")).isEqualTo("打 189****5678。");
        assertThat(masker.mask("189 1234 5678")).isEqualTo("189****5678");
    }

    @Test
    void leavesElevenDigitNumbersThatAreNoMobileAlone() {
        assertThat(masker.mask("12345678901")).isEqualTo("12345678901");
        assertThat(masker.mask("218912345678")).isEqualTo("218912345678");
        assertThat(masker.mask("189123456789")).isEqualTo("189123456789");
    }

    @Test
    void masksLandlinesKeepingAreaCodeAndLastTwoDigits() {
        assertThat(masker.mask("020-12345678")).isEqualTo("020-****78");
        assertThat(masker.mask("0753-2188123")).isEqualTo("0753-****23");
    }

    @Test
    void masksLabelledNamesKeepingTheSurname() {
        assertThat(masker.mask("姓名：张三，")).isEqualTo("姓名：张*，");
        assertThat(masker.mask("患者 欧阳娜娜")).isEqualTo("患者 欧***");
        assertThat(masker.mask("病人叫李四的票")).doesNotContain("李四");
    }

    @Test
    void aNameNextToANumberIsMaskedEvenWhenTheTextStartsWithAStar() {
        assertThat(masker.mask("*王小明 13812345678")).isEqualTo("*王** 138****5678");
    }

    @Test
    void nullAndEmptyTextStayAsTheyAre() {
        assertThat(masker.mask(null)).isNull();
        assertThat(masker.mask("")).isEmpty();
    }

    @Test
    void readsFullWidthDigitsAsDigits() {
        assertThat(masker.mask("病人电话１３９００１３９０００开票失败")).isEqualTo("病人电话139****9000开票失败");
        assertThat(masker.mask("身份证４４０１０２１９９００１０１１２３Ｘ补打")).isEqualTo("身份证440102***********X补打");
    }

    @Test
    void masksIdAndPhoneNumbersGluedToLetters() {
        assertThat(masker.mask("sfz110101199003071234")).isEqualTo("sfz110101***********4");
        assertThat(masker.mask("ID110101199003071234kp失败")).isEqualTo("ID110101***********4kp失败");
        assertThat(masker.mask("sjh13900139000")).isEqualTo("sjh139****9000");
    }

    @Test
    void ordinaryWordsBeforeANumberStayReadable() {
        assertThat(masker.mask("值班电话13812345678")).isEqualTo("值班电话138****5678");
        assertThat(masker.mask("家庭电话13812345678，单位电话0753-2188123")).isEqualTo("家庭电话138****5678，单位电话0753-****23");
        assertThat(masker.mask("办公电话：0753-2188123")).isEqualTo("办公电话：0753-****23");
        assertThat(masker.mask("收费处王小明电话13812345678")).isEqualTo("收费处王**电话138****5678");
        assertThat(masker.mask("患者身份证，补打")).isEqualTo("患者身份证，补打");
        assertThat(masker.mask("病人电话，没接")).isEqualTo("病人电话，没接");
    }
}
