package cn.ebillops.ebill.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of the round trip's 0.01 outpatient test bill, complete as real HIS clients send it:
 * the header fields the reference names (busNo … listDetail, payer contact, noticeList) plus the
 * patient, visit and payment-split fields an outpatient issue requires in the field, about 32 in
 * all. Field names, decimals and the visit-date format follow the target's interface version;
 * the charge code, payment channel and patient category come from the target's {@code testBill}.
 * Nothing identifies a real patient.
 */
final class TestBill {

    private static final DateTimeFormatter BUS_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final BigDecimal AMOUNT = new BigDecimal("0.01");
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);

    private final EbillTarget target;

    TestBill(EbillTarget target) {
        this.target = target;
    }

    Map<String, Object> body(String busNo, LocalDateTime at) {
        InterfaceVersion v = target.options().version();
        TestBillSettings s = target.options().testBill();
        BigDecimal amt = AMOUNT.setScale(2, RoundingMode.UNNECESSARY);
        Map<String, Object> bill = new LinkedHashMap<>();
        // header, as the reference lists it
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
        bill.put("tel", "");
        bill.put("email", "");
        bill.put("payerType", "1");
        bill.put("idCardNo", "");
        bill.put("cardType", "");
        bill.put("cardNo", "");
        // patient and visit: names and formats differ by interface version
        bill.put("medicalInstitution", target.name());
        bill.put("medCareInstitution", s.medCareInstitution());
        bill.put("medicalCareType", s.medicalCareType());
        bill.put("medicalInsuranceID", "");
        bill.put(v.categoryNameField, s.patientCategory());
        bill.put(v.categoryCodeField, s.patientCategoryCode());
        bill.put("patientNo", busNo);
        bill.put("patientId", busNo);
        bill.put("sex", "未知");
        bill.put("age", "0");
        bill.put("consultationDate", v.visitDate.format(at));
        // payment split: all of it paid by the patient through the configured channel
        bill.put("accountPay", ZERO);
        bill.put("fundPay", ZERO);
        bill.put("otherfundPay", ZERO);
        bill.put("ownPay", amt);
        bill.put("selfConceitedAmt", ZERO);
        bill.put("selfPayAmt", ZERO);
        bill.put("selfCashPay", amt);
        bill.put("cashPay", ZERO);
        bill.put("payChannelDetail", List.of(Map.of("payChannelCode", s.payChannelCode(), "payChannelValue", amt)));
        bill.put("noticeList", List.of());
        bill.put("isArrears", "0");
        Map<String, Object> charge = new LinkedHashMap<>();
        charge.put("sortNo", 1);
        charge.put("chargeCode", s.chargeCode());
        charge.put("chargeName", s.chargeName());
        charge.put("unit", "次");
        charge.put("std", AMOUNT.setScale(v.priceScale, RoundingMode.UNNECESSARY));
        charge.put("number", BigDecimal.ONE.setScale(v.quantityScale, RoundingMode.UNNECESSARY));
        charge.put("amt", amt);
        charge.put("selfAmt", ZERO);
        charge.put("remark", "");
        bill.put("chargeDetail", List.of(charge));
        Map<String, Object> item = new LinkedHashMap<>(charge);
        item.remove("sortNo");
        item.put("listDetailNo", "1");
        bill.put("listDetail", List.of(item));
        return bill;
    }
}
