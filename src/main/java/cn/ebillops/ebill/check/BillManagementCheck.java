package cn.ebillops.ebill.check;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.ebill.EbillClient;
import cn.ebillops.ebill.EbillResponse;
import cn.ebillops.inspection.CheckStatus;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Item 11 (票据管理): the valid paper bill batch codes of the issuing point, read as real clients
 * read them: {@code billCodeList: [{billCode, billBatchCodeList: [{billBatchCode}]}]}. An empty
 * {@code billBatchCodeList} under a bill kind is what running out looks like: 警告 票据号段已用完.
 */
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
        JsonNode kinds = r.business() == null ? null : r.business().get("billCodeList");
        if (kinds == null || !kinds.isArray()) {
            return new Outcome(CheckStatus.WARN, "getValidBillBatchCode 返回 S0000，但没有 billCodeList",
                    "有效票据代码的返回结构与参考资料不符：请与平台厂商确认接口版本。");
        }
        List<String> exhausted = new ArrayList<>();
        int batches = 0;
        for (JsonNode kind : kinds) {
            JsonNode list = kind.get("billBatchCodeList");
            int n = list == null || !list.isArray() ? 0 : list.size();
            batches += n;
            if (n == 0) {
                exhausted.add(kind.path("billCode").asString("(未知票据种类)"));
            }
        }
        trace.put("票据种类数", Integer.toString(kinds.size()));
        trace.put("有效票据代码数", Integer.toString(batches));
        if (kinds.isEmpty()) {
            return new Outcome(CheckStatus.WARN, "开票点 %s 没有任何票据种类的有效票据代码".formatted(target.placeCode()),
                    "开票点无可用票据代码：请在平台为该开票点申领/分配票据，避免换开纸质票据时无票可用。");
        }
        if (!exhausted.isEmpty()) {
            return new Outcome(CheckStatus.WARN, "票据号段已用完：开票点 %s 的票据种类 %s 没有有效票据代码"
                    .formatted(target.placeCode(), String.join("、", exhausted)),
                    "票据号段已用完：请尽快在平台为这些票据种类申领/分配新的号段。");
        }
        return Outcome.ok("开票点 %s 有 %d 个票据种类、%d 个有效票据代码".formatted(target.placeCode(), kinds.size(), batches));
    }
}
