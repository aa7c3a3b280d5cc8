package cn.ebillops.ebill.check;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.ebill.EbillClient;
import cn.ebillops.ebill.EbillResponse;

/** Item 4: the interface answers, its response sign verifies, and the result is S0000. */
class EbillInterfaceCheck extends EbillCheck {

    EbillInterfaceCheck(EbillTarget target, EbillClient client, PiiMasker masker) {
        super(target, client, masker, 4);
    }

    @Override
    protected String kindId() {
        return "ebill-interface";
    }

    @Override
    public String name() {
        return "开票接口连通与签名";
    }

    @Override
    protected Outcome probe(Trace trace) throws Exception {
        var k = target.knownBill();
        if (k == null) {
            return needKnownBill();
        }
        EbillResponse r = ok(trace, () -> client.billState(k.billBatchCode(), k.billNo()));
        trace.put("响应签名", "校验通过");
        return Outcome.ok("接口可达，响应签名校验通过，返回 S0000（%s，%d ms）"
                .formatted(r.service().serviceName(), r.elapsed().toMillis()));
    }
}
