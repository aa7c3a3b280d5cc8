package cn.ebillops.contract;

/** The contract's fault levels, I the gravest. */
public enum Severity {
    I("I级", "系统瘫痪、宕机"),
    II("II级", "系统严重故障"),
    III("III级", "一般故障");

    private final String label;
    private final String contractWording;

    Severity(String label, String contractWording) {
        this.label = label;
        this.contractWording = contractWording;
    }

    public String label() {
        return label;
    }

    public String contractWording() {
        return contractWording;
    }

    /** "I级（系统瘫痪、宕机）". */
    public String describe() {
        return label + "（" + contractWording + "）";
    }

    public static Severity parse(String s) {
        String t = s.trim().toUpperCase().replace("级", "");
        return switch (t) {
            case "I", "1", "一" -> I;
            case "II", "2", "二" -> II;
            case "III", "3", "三" -> III;
            default -> throw new IllegalArgumentException("未知的故障级别：" + s + "（可用 I、II、III）");
        };
    }
}
