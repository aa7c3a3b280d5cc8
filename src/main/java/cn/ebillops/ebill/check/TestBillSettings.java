package cn.ebillops.ebill.check;

import cn.ebillops.config.ConfigNode;

/**
 * {@code testBill:} of a testEnvironment target: the hospital's own codes for the round trip's
 * 0.01 outpatient bill (the platform refuses charge codes it was not configured with, so none is
 * invented here). Required when {@code testEnvironment: true}.
 */
record TestBillSettings(String chargeCode, String chargeName, String payChannelCode, String patientCategoryCode,
                        String patientCategory, String medicalCareType, String medCareInstitution) {

    static TestBillSettings from(ConfigNode target) {
        if (!target.has("testBill")) {
            throw target.error("testBill", "(缺少)",
                    "testEnvironment: true 时必填：testBill.chargeCode / chargeName（医院在平台配置的收费项目编码与名称）");
        }
        ConfigNode t = target.child("testBill");
        return new TestBillSettings(t.string("chargeCode"), t.string("chargeName"), t.string("payChannelCode", "02"),
                t.string("patientCategoryCode", "0101"), t.string("patientCategory", "普通门诊"),
                t.string("medicalCareType", "1"), t.string("medCareInstitution", ""));
    }
}
