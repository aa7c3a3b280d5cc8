package cn.ebillops.ebill.check;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.ebill.EbillClient;
import cn.ebillops.ebill.EbillResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Item 15 (综合报表): the reconciliation totals of yesterday can be queried. */
class BillReportCheck extends EbillCheck {

    /** Aggregate figures worth showing when the platform returns them (never per-patient data). */
    private static final List<String> TOTAL_FIELDS = List.of("copyNum", "totalAmt", "billNum", "writeOffNum", "writeOffAmt");

    private final Clock clock;

    BillReportCheck(EbillTarget target, EbillClient client, PiiMasker masker, Clock clock) {
        super(target, client, masker, 15);
        this.clock = clock;
    }

    @Override
    protected String kindId() {
        return "ebill-report";
    }

    @Override
    public String name() {
        return "综合报表（昨日对账汇总）";
    }

    @Override
    protected Outcome probe(Trace trace) throws Exception {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        EbillResponse r = ok(trace, () -> client.checkTotalData(yesterday, yesterday, target.placeCode()));
        StringBuilder totals = new StringBuilder();
        for (String f : TOTAL_FIELDS) {
            if (!r.field(f).isEmpty()) {
                trace.put(f, r.field(f));
                totals.append(totals.isEmpty() ? "" : "，").append(f).append("=").append(r.field(f));
            }
        }
        return Outcome.ok("%s 对账汇总查询成功%s".formatted(yesterday, totals.isEmpty() ? "" : "：" + totals));
    }
}
