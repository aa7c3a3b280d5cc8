package cn.ebillops.ebill.check;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.ebill.EbillClient;
import cn.ebillops.ebill.EbillResponse;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Item 16 (系统管理): the unit's account (appid + key) and issuing point are valid on the
 * platform. Proven read-only with getBillByBusDate (yesterday, one row): the platform accepts
 * only a correctly signed request of a known account and rejects an unknown placeCode.
 */
class SystemManagementCheck extends EbillCheck {

    private final Clock clock;

    SystemManagementCheck(EbillTarget target, EbillClient client, PiiMasker masker, Clock clock) {
        super(target, client, masker, 16);
        this.clock = clock;
    }

    @Override
    protected String kindId() {
        return "ebill-system";
    }

    @Override
    public String name() {
        return "系统管理（单位账号与开票点）";
    }

    @Override
    protected Outcome probe(Trace trace) throws Exception {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        EbillResponse r = ok(trace, () -> client.billsByBusDate(yesterday, yesterday, target.placeCode(),
                target.options().billDataType(), 1));
        if (!r.field("total").isEmpty()) {
            trace.put("昨日票据数", r.field("total"));
        }
        return Outcome.ok("账号 %s 与开票点 %s 在平台有效（按日期查询已受理）"
                .formatted(client.endpoint().appid(), target.placeCode()));
    }
}
