package cn.ebillops.assistant.nlu;

import java.util.regex.Pattern;
import org.springframework.modulith.NamedInterface;

/**
 * A report taken back: "不是故障", "误报", "是我操作错了", "不用再处理了". One rule for the classifier (such a
 * message is a follow-up, not a new fault) and for the follow-up handler (it withdraws the incident).
 */
@NamedInterface("nlu")
public final class Retraction {

    private static final Pattern TAKEN_BACK = Pattern.compile(
            // not "撤销" or "搞错了" alone: "冲红撤销失败", "系统把金额搞错了" are faults
            "不是故障|不算故障|虚惊一场|误报|报错单|(不用|不使|不需要|毋使|唔使)再?(处理|来|跟进|管)|是我(自己)?(的)?操作|"
                    + "是我(自己)?(点|搞|弄|看)错|操作(问题|失误|错误|有误)|取消(报障|这单|刚才的报修)|报修撤回|撤回(刚才的)?报修");

    private Retraction() {
    }

    /** Whether the (normalised or raw) text takes a report back. */
    public static boolean in(String text) {
        return TAKEN_BACK.matcher(text).find();
    }
}
