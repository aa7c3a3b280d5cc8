package cn.ebillops.llm;

import cn.ebillops.incident.IncidentActions.Action;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the model's wording says was done (已接单、已关闭、已修改级别…). A claim is shown only when the
 * matching tool call really changed the incident in this answer: a model steered by the message, or one
 * that simply guesses, must not tell staff that something was handled. The tools can acknowledge, mark
 * on-site and resolve; every other change (close, level, pause, delete, notify…) is a claim no tool can
 * back, so it is never shown.
 */
final class ActionClaims {

    /**
     * "已为您接单", "已按您的要求关闭", "处理好了": a perfective statement. Not a claim: "无法关闭", "请处理",
     * "未关闭的故障单", "处理中", "问题解决了吗".
     */
    private static final String CLAIMED = "已经?[^。！？\\n，,；;]{0,12}?%1$s(?![中的过])|(?<![无不未没能可请需要尚还])%1$s[好完]?了(?![吗么没])";

    private record Claim(Pattern pattern, Set<Action> backedBy) {
    }

    private static final List<Claim> CLAIMS = List.of(
            claim("接单|接手|受理", EnumSet.of(Action.ACK)),
            claim("到场|到达现场|上门", EnumSet.of(Action.ONSITE)),
            claim("解决|修复|处理|排除", EnumSet.of(Action.RESOLVE)),
            // no tool can do these: claimed, they are always untrue
            claim("关闭|关掉|结单|撤销|取消|删除|修改|调整|改为|改成|升级|降级|暂停|恢复|重启|登记|通知|补开|冲红|开具",
                    EnumSet.noneOf(Action.class)));

    private ActionClaims() {
    }

    private static Claim claim(String verbs, Set<Action> backedBy) {
        return new Claim(Pattern.compile(CLAIMED.formatted("(?:" + verbs + ")")), backedBy);
    }

    /** Whether every change the wording claims was done by a tool call of this answer. */
    static boolean backed(String wording, Set<Action> acted) {
        for (Claim c : CLAIMS) {
            if (c.pattern().matcher(wording).find() && c.backedBy().stream().noneMatch(acted::contains)) {
                return false;
            }
        }
        return true;
    }
}
