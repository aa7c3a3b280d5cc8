package cn.ebillops.assistant.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The guidelines' edge cases over a model that said "fault": questions about the possible or the past,
 * notices and other hospitals, quoted reports asked about, reports taken back. Sentences are written in
 * normalised form (as {@link Normaliser} leaves them) and none is in a training set.
 */
class NotAReportTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "要是体检接口超时了,票会不会重复开 | CONSULTATION",
        "万一签名服务器坏了,收费处先做什么 | CONSULTATION",
        "如果推送又发不出去,要先检查什么 | CONSULTATION",
        "错误码e2041是什么意思 | CONSULTATION",
        "上次推送失败最后是怎么处理的 | CONSULTATION",
        "病人地址填错了怎么更正 | CONSULTATION",
        "病人想要纸质票怎么操作 | CONSULTATION",
        "病人想把票据发到邮箱,能不能弄,怎么弄 | CONSULTATION",
        "作废以后要不要重新开一张 | CONSULTATION",
        "通知:周日凌晨系统升级,期间暂停开票 | OTHER",
        "隔壁市医院的票据平台宕机了一整天 | OTHER",
        "听说别的医院开不了票,我们有没有影响 | STATUS_QUERY",
        "「打印机卡纸」那个处理好了吗 | INCIDENT_FOLLOWUP",
        "「开票失败」这个解决了没 | INCIDENT_FOLLOWUP",
        "虚惊一场,是网线没插好,不用再处理了 | INCIDENT_FOLLOWUP"})
    void aFaultReadingIsReplacedWhereTheGuidelinesSaySo(String text, Intent expected) {
        assertThat(NotAReport.intentInstead(text, Intent.FAULT_REPORT)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a present fault inside a question or next to a look-up word stays a report
        "现在全院都登不上,是不是挂了",
        "如果是证书的问题,为什么今天一直签名失败",
        "手册上说重启就好,可是现在还是开不了票",
        "开不了票怎么弄",
        "不能开票了,要不要重启",
        "刚才收费处打印出来的票据是空白的",
        "外院转来的病人开不了票",
        "3号窗口开票失败,提示签名错误"})
    void presentFaultsStayFaults(String text) {
        assertThat(NotAReport.intentInstead(text, Intent.FAULT_REPORT)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"DUTY_QUERY", "STATUS_QUERY", "INSPECTION_REQUEST", "CONSULTATION"})
    void otherIntentsOfTheModelAreLeftAlone(Intent model) {
        assertThat(NotAReport.intentInstead("如果签名服务器坏了谁值班", model)).isEmpty();
    }
}
