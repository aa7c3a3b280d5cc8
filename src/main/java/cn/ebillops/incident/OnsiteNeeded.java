package cn.ebillops.incident;

import java.util.regex.Pattern;

/**
 * Whether an engineer's note says the fault needs a visit ("需上门", "无法远程", "onsite"): the one
 * rule behind {@code /ack N 需上门}, {@code /onsite N 需上门}, the card's 接单 button and the
 * model's incident tool. A visit ruled out ("无需上门", "不用上门") or done ("已上门") is not a request.
 */
public final class OnsiteNeeded {

    private static final Pattern NOT_NEEDED = Pattern.compile("(无|不|不用|不必|无须|毋须|免)(需要?|须|用|必)?上门|已(经)?上门");
    private static final Pattern NEEDED = Pattern.compile("上门|无法远程|不能远程|onsite|remote\\s*no",
            Pattern.CASE_INSENSITIVE);

    private OnsiteNeeded() {
    }

    public static boolean in(String note) {
        return note != null && NEEDED.matcher(NOT_NEEDED.matcher(note).replaceAll("")).find();
    }
}
