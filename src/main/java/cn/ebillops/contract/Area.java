package cn.ebillops.contract;

/** Where a fault lies; the e-bill functions follow the contract's inspection items 11–16. */
public enum Area {
    SYSTEM("系统整体"),
    ISSUANCE("票据开具"),
    ARCHIVE("票据存档"),
    DELIVERY("票据交付"),
    MANAGEMENT("票据管理"),
    REPORT("综合报表查询"),
    ADMIN("系统管理"),
    SIGNING("签名验签服务器"),
    INTERFACE("第三方接口");

    private final String label;

    Area(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
