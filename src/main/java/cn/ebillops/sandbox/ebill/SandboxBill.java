package cn.ebillops.sandbox.ebill;

import java.math.BigDecimal;

/** A bill in the stand-in's in-memory store. */
record SandboxBill(String billBatchCode, String billNo, String random, String busNo, String busDateTime,
                   String placeCode, BigDecimal totalAmt, int state, boolean scarlet) {

    String key() {
        return billBatchCode + "/" + billNo;
    }

    SandboxBill redFlushed() {
        return new SandboxBill(billBatchCode, billNo, random, busNo, busDateTime, placeCode, totalAmt, state, true);
    }
}
