package cn.ebillops.ebill.check;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.ebill.EbillClient;
import cn.ebillops.ebill.EbillException;
import cn.ebillops.ebill.EbillResponse;
import cn.ebillops.inspection.CheckStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item 12 (票据开具). Production: read-only, the state of the known bill. Only for a target
 * marked {@code testEnvironment: true}: issue a 0.01 outpatient bill, query it, red-flush it
 * and query again — a real financial document, hence never against production.
 */
class BillIssuanceCheck extends EbillCheck {

    static final DateTimeFormatter BUS_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final Clock clock;

    BillIssuanceCheck(EbillTarget target, EbillClient client, PiiMasker masker, Clock clock) {
        super(target, client, masker, 12);
        this.clock = clock;
    }

    @Override
    protected String kindId() {
        return "ebill-issuance";
    }

    @Override
    public String name() {
        return target.testEnvironment() ? "票据开具（测试环境开具→查询→冲红）" : "票据开具（已开票据状态，只读）";
    }

    @Override
    protected int calls() {
        return target.testEnvironment() ? 4 : 1;
    }

    @Override
    protected Outcome probe(Trace trace) throws Exception {
        return target.testEnvironment() ? roundTrip(trace) : readOnly(trace);
    }

    private Outcome readOnly(Trace trace) throws Exception {
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
        return Outcome.ok("已知票据 %s/%s 状态：%s（只读探测，未开具新票据）"
                .formatted(k.billBatchCode(), k.billNo(), stateLabel(state)));
    }

    private Outcome roundTrip(Trace trace) throws Exception {
        String busDateTime = BUS_TIME.format(LocalDateTime.now(clock));
        String busNo = "XJ" + busDateTime;
        EbillResponse issued = ok(trace, () -> client.issueOutpatient(testBill(busNo, busDateTime)));
        String batch = issued.field("billBatchCode");
        String no = issued.field("billNo");
        trace.put("测试票据", batch + "/" + no);
        if (batch.isEmpty() || no.isEmpty()) {
            return new Outcome(CheckStatus.FAIL, "开具返回 S0000 但缺少 billBatchCode/billNo",
                    "开票结果不完整：请联系平台厂商检查开具接口。");
        }
        boolean flushed = false;
        try {
            EbillResponse state = ok(trace, () -> client.billState(batch, no));
            if (!"1".equals(state.field("state"))) {
                String problem = "新开票据 %s/%s 状态为 %s，应为正常".formatted(batch, no, stateLabel(state.field("state")));
                return redFlushAfterWrongState(trace, batch, no, problem);
            }
            EbillResponse red = ok(trace, () -> client.writeOff(batch, no, "运维巡检测试票据冲红", target.operator(),
                    BUS_TIME.format(LocalDateTime.now(clock)), target.placeCode()));
            flushed = true;
            trace.put("冲红票据", red.field("eScarletBillBatchCode") + "/" + red.field("eScarletBillNo"));
            EbillResponse after = ok(trace, () -> client.billState(batch, no));
            if (!"1".equals(after.field("isScarlet"))) {
                return new Outcome(CheckStatus.FAIL, "测试票据 %s/%s 冲红后查询仍显示未冲红".formatted(batch, no),
                        "冲红未生效：请在平台核查测试票据 %s/%s 并手工冲红。".formatted(batch, no));
            }
            return Outcome.ok("测试环境开具 %s/%s → 查询正常 → 冲红 %s → 查询已冲红，全流程通过"
                    .formatted(batch, no, red.field("eScarletBillNo")));
        } catch (Exception e) {
            if (!flushed) {
                // the test bill is a real document on the test platform: say which one needs a manual red-flush
                trace.put("待处理", "测试票据 %s/%s 已开具但未冲红，请在平台手工冲红".formatted(batch, no));
            }
            throw e;
        }
    }

    /**
     * The test bill exists on the platform even though its state is wrong: red-flush it anyway,
     * so no 0.01 bill is left open, and when that fails say which bill needs a manual red-flush.
     */
    private Outcome redFlushAfterWrongState(Trace trace, String batch, String no, String problem) {
        try {
            EbillResponse red = ok(trace, () -> client.writeOff(batch, no, "运维巡检测试票据冲红", target.operator(),
                    BUS_TIME.format(LocalDateTime.now(clock)), target.placeCode()));
            trace.put("冲红票据", red.field("eScarletBillBatchCode") + "/" + red.field("eScarletBillNo"));
            return new Outcome(CheckStatus.FAIL, problem + "；该测试票据已照常冲红（冲红票据 %s/%s）"
                    .formatted(red.field("eScarletBillBatchCode"), red.field("eScarletBillNo")),
                    "新开具的票据状态异常：请在平台核查测试票据 %s/%s 的状态。".formatted(batch, no));
        } catch (EbillException | BusinessFailure e) {
            String open = "测试票据 %s/%s 已开具但未冲红，请在平台手工冲红".formatted(batch, no);
            trace.put("待处理", open);
            return new Outcome(CheckStatus.FAIL, problem + "；随后冲红失败（%s）：%s".formatted(describe(e), open),
                    "新开具的票据状态异常且未能自动冲红：请在平台核查并手工冲红测试票据 %s/%s。".formatted(batch, no));
        }
    }

    @Override
    protected String evidenceNote() {
        return target.issuesBillsOffLoopback()
                ? "注意：本目标地址 %s 不是本机，却设置了 testEnvironment: true——每次巡检都会在该平台真实开具并冲红一张 0.01 元票据。若这是生产平台，请立即改为 false。"
                        .formatted(target.endpoint().baseUrl().getHost())
                : "";
    }

    private Map<String, Object> testBill(String busNo, String busDateTime) {
        BigDecimal amt = new BigDecimal("0.01");
        Map<String, Object> bill = new LinkedHashMap<>();
        bill.put("busNo", busNo);
        bill.put("busType", "02");
        bill.put("payer", "巡检测试");
        bill.put("busDateTime", busDateTime);
        bill.put("placeCode", target.placeCode());
        bill.put("payee", target.operator());
        bill.put("author", target.operator());
        bill.put("checker", target.operator());
        bill.put("totalAmt", amt);
        bill.put("remark", "运维巡检自动开具的测试票据，随即冲红");
        bill.put("payChannelDetail", List.of(Map.of("payChannelCode", "02", "payChannelValue", amt)));
        bill.put("chargeDetail", List.of(Map.of("sortNo", 1, "chargeCode", "XJ01", "chargeName", "巡检测试",
                "unit", "次", "std", amt, "number", 1, "amt", amt, "selfAmt", BigDecimal.ZERO)));
        bill.put("listDetail", List.of());
        return bill;
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
