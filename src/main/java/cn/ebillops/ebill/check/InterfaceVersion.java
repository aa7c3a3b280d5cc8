package cn.ebillops.ebill.check;

import java.time.format.DateTimeFormatter;

/**
 * The issuing interface versions in the field (reference ebill-platform.md, "As real HIS clients
 * call it"): they differ in the names of the patient-category fields, the decimal places of unit
 * price and quantity (6/6 vs 4/2) and the visit-date format. The envelope version stays "1.0".
 * The reference does not tell V3.1.0 from V3.2.0 in these respects; both are kept as names so a
 * capture can later separate them.
 */
enum InterfaceVersion {
    V2_0_3("V2.0.3", "category", "patientCategory", 6, 6, "yyyy-MM-dd"),
    V3_1_0("V3.1.0", "patientCategory", "patientCategoryCode", 4, 2, "yyyyMMdd"),
    V3_2_0("V3.2.0", "patientCategory", "patientCategoryCode", 4, 2, "yyyyMMdd");

    private final String label;
    /** Field carrying the patient category's name, and the one carrying its code. */
    final String categoryNameField;
    final String categoryCodeField;
    final int priceScale;
    final int quantityScale;
    final DateTimeFormatter visitDate;

    InterfaceVersion(String label, String categoryNameField, String categoryCodeField, int priceScale,
                     int quantityScale, String visitDate) {
        this.label = label;
        this.categoryNameField = categoryNameField;
        this.categoryCodeField = categoryCodeField;
        this.priceScale = priceScale;
        this.quantityScale = quantityScale;
        this.visitDate = DateTimeFormatter.ofPattern(visitDate);
    }

    String label() {
        return label;
    }

    static InterfaceVersion parse(String s) {
        for (InterfaceVersion v : values()) {
            if (v.label.equalsIgnoreCase(s.trim())) {
                return v;
            }
        }
        return null;
    }
}
