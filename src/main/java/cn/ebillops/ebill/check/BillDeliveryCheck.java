package cn.ebillops.ebill.check;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.ebill.EbillClient;
import cn.ebillops.ebill.EbillResponse;
import cn.ebillops.inspection.CheckStatus;

/**
 * Item 14 (票据交付): the bill of a known business serial is found — what a patient's
 * self-service query and delivery notice rely on.
 */
class BillDeliveryCheck extends EbillCheck {

    BillDeliveryCheck(EbillTarget target, EbillClient client, PiiMasker masker) {
        super(target, client, masker, 14);
    }

    @Override
    protected String kindId() {
        return "ebill-delivery";
    }

    @Override
    public String name() {
        return "票据交付（按业务流水号查询）";
    }

    @Override
    protected Outcome probe(Trace trace) throws Exception {
        var k = target.knownBill();
        if (k == null) {
            return needKnownBill();
        }
        EbillResponse r = ok(trace, () -> client.billByBusNo(k.busNo(), k.busDateTime()));
        if (!k.billNo().equals(r.field("billNo")) || !k.billBatchCode().equals(r.field("billBatchCode"))) {
            return new Outcome(CheckStatus.FAIL, "业务流水号 %s 查到的票据为 %s/%s，与配置的已知票据 %s/%s 不一致"
                    .formatted(k.busNo(), r.field("billBatchCode"), r.field("billNo"), k.billBatchCode(), k.billNo()),
                    "按业务流水号查询的结果与已知票据不符：请核对 knownBill 配置，或请平台厂商检查票据与业务流水的对应关系。");
        }
        return Outcome.ok("业务流水号 %s 对应票据 %s/%s，可供交付查询".formatted(k.busNo(), k.billBatchCode(), k.billNo()));
    }
}
