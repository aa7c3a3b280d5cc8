package cn.ebillops.config;

/** A person known to the assistant: WeCom userid, display name, role, phone (for duty calls). */
public record Person(String userId, String name, Role role, String phone, String department) {

    public static Person unknown(String userId) {
        return new Person(userId, userId, Role.STAFF, "", "");
    }
}
