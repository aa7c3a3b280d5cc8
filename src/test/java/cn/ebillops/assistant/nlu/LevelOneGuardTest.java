package cn.ebillops.assistant.nlu;

import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The safety asymmetry through the shipped classifier: the whole hospital unable to work is never below I. */
class LevelOneGuardTest {

    @ParameterizedTest
    @CsvSource({"𠊎兜成间都登毋入系统", "大家都登唔入", "今天上午全院一张票都没开出来", "全院都打不开票据系统，是不是挂了？",
            "所有人一登录就弹 502 bad gateway"})
    void wholeHospitalUnableToWorkIsLevelOneInAnyWording(String text) {
        Classification c = TestClassifiers.shared().classify(text);
        assertThat(c.intent()).isEqualTo(Intent.FAULT_REPORT);
        assertThat(c.severity()).as(c.normalized()).isEqualTo(Severity.I);
        assertThat(c.area()).isEqualTo(Area.SYSTEM);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "不是全院的问题，只是2号窗口登不上 | III",
        "全院的报表都打不开 | III",
        "住院部所有人开票都报错，系统能登录 | II",
        "全院的签名服务器都连不上 | II"})
    void aNamedPartTheSystemUpOrALimitedScopeKeepsTheLowerLevel(String text, Severity expected) {
        assertThat(TestClassifiers.shared().classify(text).severity()).isEqualTo(expected);
    }
}
