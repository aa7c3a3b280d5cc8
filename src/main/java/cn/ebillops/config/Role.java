package cn.ebillops.config;

/** What a person may do. Unknown WeCom users are always {@link #STAFF}, never engineers. */
public enum Role {
    STAFF,
    ENGINEER,
    ADMIN;

    public boolean isEngineer() {
        return this == ENGINEER || this == ADMIN;
    }

    public String label() {
        return switch (this) {
            case STAFF -> "医院职工";
            case ENGINEER -> "运维工程师";
            case ADMIN -> "管理员";
        };
    }
}
