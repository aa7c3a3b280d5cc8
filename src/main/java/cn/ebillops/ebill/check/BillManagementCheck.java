package cn.ebillops.ebill.check;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.ebill.EbillClient;
import cn.ebillops.ebill.EbillResponse;
import cn.ebillops.inspection.CheckStatus;
import tools.jackson.databind.JsonNode;

/** Item 11 (票据管理): the valid paper bill batch codes of the issuing point. */
class BillManagementCheck extends EbillCheck {

    BillManagementCheck(EbillTarget target, EbillClient client, PiiMasker masker) {
        super(target, client, masker, 11);
    }

    @Override
    protected String kindId() {
        return "ebill-management";
    }

    @Override
    public String name() {
        return "票据管理（有效票据代码）";
    }

    @Override
    protected Outcome probe(Trace trace) throws Exception {
        EbillResponse r = ok(trace, () -> client.validBillBatchCodes(target.placeCode()));
        JsonNode list = firstArray(r.business());
        if (list == null) {
            return Outcome.ok("开票点 %s 的有效票据代码查询成功".formatted(target.placeCode()));
        }
        trace.put("有效票据代码数", Integer.toString(list.size()));
        if (list.isEmpty()) {
            return new Outcome(CheckStatus.WARN, "开票点 %s 没有可用的有效票据代码".formatted(target.placeCode()),
                    "开票点无可用票据代码：请在平台为该开票点申领/分配票据，避免换开纸质票据时无票可用。");
        }
        return Outcome.ok("开票点 %s 有 %d 个有效票据代码".formatted(target.placeCode(), list.size()));
    }

    /** The business result is the list itself or an object holding it. */
    static JsonNode firstArray(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isArray()) {
            return n;
        }
        for (var e : n.properties()) {
            if (e.getValue().isArray()) {
                return e.getValue();
            }
        }
        return null;
    }
}
