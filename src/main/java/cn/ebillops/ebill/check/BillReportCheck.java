package cn.ebillops.ebill.check;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.ebill.EbillClient;
import cn.ebillops.ebill.EbillResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Item 15 (综合报表): the reconciliation totals of yesterday can be queried. */
class BillReportCheck extends EbillCheck {

    /** The day's totals as real answers carry them (reference): allTotalNum/allTotalAmt, then page figures. */
    private static final List<String> TOTAL_FIELDS = List.of("allTotalNum", "allTotalAmt", "copyNum", "totalNum", "totalAmt");

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
        EbillResponse r = ok(trace, () -> client.checkTotalData(yesterday, target.placeCode(), 1, 10));
        StringBuilder totals = new StringBuilder();
        for (String f : TOTAL_FIELDS) {
            if (!r.field(f).isEmpty()) {
                trace.put(f, r.field(f));
                totals.append(totals.isEmpty() ? "" : "，").append(f).append("=").append(r.field(f));
            }
        }
        if (r.field("allTotalNum").isEmpty() || r.field("allTotalAmt").isEmpty()) {
            return new Outcome(cn.ebillops.inspection.CheckStatus.WARN,
                    "%s 对账汇总返回 S0000，但缺少 allTotalNum/allTotalAmt%s".formatted(yesterday, totals.isEmpty() ? "" : "：" + totals),
                    "对账汇总结果不完整：请与平台厂商确认 checkTotalData 的接口版本与返回字段。");
        }
        return Outcome.ok("%s 对账汇总：共 %s 张，金额 %s 元%s".formatted(yesterday, r.field("allTotalNum"),
                r.field("allTotalAmt"), totals.isEmpty() ? "" : "（" + totals + "）"));
    }
}
