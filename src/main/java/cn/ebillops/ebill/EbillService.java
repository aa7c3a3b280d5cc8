package cn.ebillops.ebill;

/** Services of the medical e-bill platform this module calls (path segment = service name). */
public enum EbillService {
    GET_EBILL_STATES_BY_BILL_INFO("getEBillStatesByBillInfo", "票据状态查询"),
    GET_EBILL_BY_BUS_NO("getEBillByBusNo", "按业务流水号查询票据"),
    GET_BILL_BY_BUS_DATE("getBillByBusDate", "按业务日期查询票据"),
    CHECK_TOTAL_DATA("checkTotalData", "总笔数对账"),
    GET_VALID_BILL_BATCH_CODE("getValidBillBatchCode", "有效纸质票据代码查询"),
    GET_EBILL_PIC_URL("getEBillPicUrl", "票据H5/图片地址查询"),
    INVOICE_EBILL_OUTPATIENT("invoiceEBillOutpatient", "门诊电子票据开具"),
    WRITE_OFF_EBILL("writeOffEBill", "电子票据冲红");

    private final String serviceName;
    private final String label;

    EbillService(String serviceName, String label) {
        this.serviceName = serviceName;
        this.label = label;
    }

    public String serviceName() {
        return serviceName;
    }

    /** Chinese name for reports. */
    public String label() {
        return label;
    }
}
