package cn.ebillops.ebill.check;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The body of the round trip's 0.01 outpatient test bill. */
final class TestBill {

    private static final DateTimeFormatter BUS_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final EbillTarget target;

    TestBill(EbillTarget target) {
        this.target = target;
    }

    Map<String, Object> body(String busNo, LocalDateTime at) {
        BigDecimal amt = new BigDecimal("0.01");
        Map<String, Object> bill = new LinkedHashMap<>();
        bill.put("busNo", busNo);
        bill.put("busType", "02");
        bill.put("payer", "巡检测试");
        bill.put("busDateTime", BUS_TIME.format(at));
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
}
