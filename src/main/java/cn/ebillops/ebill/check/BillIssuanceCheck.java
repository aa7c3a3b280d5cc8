package cn.ebillops.ebill.check;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.ebill.EbillClient;
import cn.ebillops.ebill.EbillResponse;
import cn.ebillops.inspection.CheckStatus;

/**
 * Item 12 (票据开具), read-only on every target: the state of the known bill. It writes nothing,
 * so availability probes may run it; the issue → query → red-flush round trip is
 * {@link TestBillRoundTripCheck}, only on a target marked {@code testEnvironment: true}.
 */
class BillIssuanceCheck extends EbillCheck {

    BillIssuanceCheck(EbillTarget target, EbillClient client, PiiMasker masker) {
        super(target, client, masker, 12);
    }

    @Override
    protected String kindId() {
        return "ebill-issuance";
    }

    @Override
    public String name() {
        return "票据开具（已开票据状态，只读）";
    }

    @Override
    protected Outcome probe(Trace trace) throws Exception {
        var k = target.knownBill();
        if (k == null) {
            return needKnownBill();
        }
        EbillResponse r = ok(trace, () -> client.billState(k.billBatchCode(), k.billNo()));
        String state = r.field("state");
        trace.put("票据状态", stateLabel(state));
        trace.put("是否冲红", "1".equals(r.field("isScarlet")) ? "是" : "否");
        if (state.isEmpty()) {
            return new Outcome(CheckStatus.FAIL, "状态查询成功但未返回 state 字段",
                    "平台票据状态查询结果不完整：请联系平台厂商确认接口版本。");
        }
        return Outcome.ok("已知票据 %s/%s 状态：%s（只读探测：本项未开具、未冲红任何票据）"
                .formatted(k.billBatchCode(), k.billNo(), stateLabel(state)));
    }

    static String stateLabel(String state) {
        return switch (state) {
            case "1" -> "正常";
            case "2" -> "作废";
            case "" -> "(无)";
            default -> state;
        };
    }
}
