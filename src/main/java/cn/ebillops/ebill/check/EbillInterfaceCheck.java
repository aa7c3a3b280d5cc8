package cn.ebillops.ebill.check;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.ebill.EbillClient;
import cn.ebillops.ebill.EbillResponse;

/** Item 4: the interface answers with S0000; its response sign is checked (警告 on a mismatch, see EbillCheck). */
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
        return Outcome.ok("接口可达，返回 S0000（%s，%d ms）%s".formatted(r.service().serviceName(), r.elapsed().toMillis(),
                r.signProblem().isEmpty() ? "，响应签名校验通过" : ""));
    }
}
