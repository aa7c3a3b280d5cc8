package cn.ebillops.inspection;

/** Outcome of one check, worst last so that max() gives the overall status. */
public enum CheckStatus {
    OK("正常"),
    WARN("警告"),
    FAIL("异常"),
    ERROR("无法检查");

    private final String label;

    CheckStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isProblem() {
        return this != OK;
    }
}
