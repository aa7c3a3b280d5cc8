package cn.ebillops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One rule for "needs on-site", seen from the card button as from /ack N 需上门. */
class OnsiteNeededTest {

    private final IncidentFixture f = new IncidentFixture();

    @ParameterizedTest
    @CsvSource({
        "需上门, true", "需要上门处理, true", "上门, true", "无法远程解决, true", "不能远程, true", "onsite, true",
        "remote no, true", "无需上门, false", "不用上门, false", "已上门, false", "远程处理中, false", "'', false"
    })
    void aNoteNeedsAVisitWhenItSaysSo(String note, boolean needed) {
        assertThat(OnsiteNeeded.in(note)).isEqualTo(needed);
    }

    @ParameterizedTest
    @CsvSource({"无法远程解决, true", "需上门, true", "无需上门，远程已处理, false"})
    void theCardsAckStartsTheOnsiteClockByTheSameRule(String note, boolean needed) {
        Incident i = f.service.report(new FaultReport(f.person("chenxia"), "wr_cashier", "开票失败", Severity.II,
                Area.ISSUANCE)).incident();
        new IncidentCardActions(f.service, f.texts).act(IncidentActions.Action.ACK, i.number(), f.person("zhanggong"), note);
        assertThat(f.repository.find(i.number()).orElseThrow().onsiteDeadline() != null).isEqualTo(needed);
    }
}
