package cn.ebillops.assistant.nlu;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The guidelines' edge cases for a message whose words are a fault's but which reports none of ours
 * now ("Present, not past or possible", "Ours, not someone else's", "A question about a reported
 * fault"). A model learns fault words from hundreds of rows and these few turns of phrase from a
 * handful, so they are read here, after the model and only when it said fault (or follow-up): a
 * hypothetical, past or look-up question is a consultation (answered, with 「报故障」 offered);
 * a notice or another hospital's news is other, or a status query when it asks about us; a quoted
 * report asked about, or taken back as no fault, is a follow-up. A present-tense word keeps the
 * report: "现在又……", "今天……一直……" report a fault even inside a question.
 */
final class NotAReport {

    /** Said now, of us: the message reports a present fault whatever question it also asks. */
    private static final Pattern PRESENT_TIME = Pattern.compile(
            "现在(?!没|没有|不是|是不是)|目前|刚才|刚刚|这会|而家|今天|今早|今日|今晚|一直|老是|突然");
    /** A failure said to hold ("又登不上", "都报这个", "……开不了票了"); inside 如果/万一 it is the supposed one. */
    private static final Pattern PRESENT_STATE = Pattern.compile(
            "又(报|开不|登不|不行|出现|失败|连不|打不|进不)|都报|"
                    // a bare 了 also ends "忘了", "放在哪里了"
                    + "(不了|不到|不出|不上|不入|失败|报错|挂|宕机|崩|瘫)[^,.;!?]{0,3}[了咗哩][,.!]?$");
    private static final Pattern SUPPOSE = Pattern.compile("如果|万一|假如|假设|要是");
    private static final Pattern HYPOTHETICAL = Pattern.compile(
            "如果|万一|假如|假设|要是|的话|以后再?遇到|平时遇到|遇到[^,.;!?]{0,12}(怎么|如何|应该|要)");
    private static final Pattern LOOKUP = Pattern.compile(
            "什么意思|啥意思|代表什么|指什么|什么原因|啥原因|一般是|通常是|一般由|什么引起|怎么排查|如何排查|排查思路|"
                    + "属于几级|算几级|哪一级|先做哪些|有没有文档|哪里有文档|在哪里|放在哪|放哪|手册|只是问问|只是想了解|想了解|了解一下|机制|原理");
    private static final Pattern PAST = Pattern.compile(
            "(上次|上回|那次|那回|去年|上个月|之前|以前|早前)[^?]{0,24}(怎么|如何|是谁|谁来|处理的|弄的|修的|搞的|预案|记录|原因)");
    private static final Pattern FIX_A_MISTAKE = Pattern.compile(
            "(写错|录错|填错|开错|打错|输错|选错)[^,.;!?]{0,14}(怎么|如何|点样|咋|能不能|可不可以|可以)|"
                    + "(怎么|如何|怎样)(更正|修改|改|作废|冲红|重开|补打|申请|撤销)|"
                    // "删掉的号段还能恢复吗": whether something can be done, not that it failed
                    + "(还能|能不能|可不可以|能否)(恢复|找回|撤销|撤回|作废|冲红|重开|补打|修改|改)");

    /**
     * "怎么弄", "要不要冲红" ask how or whether to do something — only where nothing is said to fail
     * ("开不了票怎么弄" may be a fault now).
     */
    private static final Pattern HOW_TO = Pattern.compile(
            "(怎么|如何|怎样|点样|咋)(弄|搞|操作|设置|办理|申请|做|处理|导出|重发|补发|打印|查)|(要不要|需不需要|是否需要|用不用)");
    private static final Pattern FAILURE = Pattern.compile(
            // "能不能弄" asks whether it can be done; "不能开票" says it fails
            "失败|报错|错误|异常|不了|不到|不出|不上|不入|打不开|(?<!能)不能|无法|没法|宕|挂|崩|瘫|卡|慢|连不|超时");
    private static final Pattern NOTICE = Pattern.compile(
            "^[【\\[(]?(通知|公告|温馨提示|转发|fw|fwd|提醒大家|各位同事请注意)|转发|通报|新闻|报道|文章|《|"
                    + "计划(停机|维护|升级)|(停机|升级|维护|割接|演练)[^,.;!?]{0,8}(期间|将|预计|安排)|期间(暂停|无法|不能|停)|将于|"
                    + "请各[^,.;!?]{0,6}提前|培训环境|测试环境|练习用|演练");
    private static final Pattern ELSEWHERE = Pattern.compile(
            "(别的|其他|其它|外地|隔壁|兄弟|某|多家|有的|友好?|市里|省里|县)[^,.;!?]{0,4}(医院|院(?![区内里子])|单位)|外院(?!转)|某地|某省|某市");
    private static final Pattern ABOUT_US = Pattern.compile(
            "(我们|咱们|我院|本院|我哋|𠊎兜|我们这边|我们医院)[^.;!]{0,12}(影响|有没有事|会不会|要不要紧|正常吗|有事吗|有问题吗|没事吧)");

    private static final Pattern QUOTED = Pattern.compile("「[^」]+」|“[^”]+”|\"[^\"]+\"");
    private static final Pattern ASKS_ABOUT_IT = Pattern.compile(
            "好了吗|好了没|好没|好未|好了未|好吗|搞掂|修好|解决了没|解决了吗|解决没|解决了未|处理好|处理得|处理到|进展|进度|到了没|有人跟|有人管|有人处理|怎么样了|"
                    + "还是|仍然|依然|重启了|那单|那个单|嗰个|那个|这个单");


    private NotAReport() {
    }

    /** The intent the guidelines give instead of the model's, when the message is one of these cases. */
    static Optional<Intent> intentInstead(String t, Intent model) {
        boolean elsewhere = ELSEWHERE.matcher(t).find();
        if (model == Intent.OTHER && elsewhere && ABOUT_US.matcher(t).find()) {
            return Optional.of(Intent.STATUS_QUERY); // news of another hospital, asking whether we are hit
        }
        if (model != Intent.FAULT_REPORT && model != Intent.INCIDENT_FOLLOWUP) {
            return Optional.empty();
        }
        if (model == Intent.FAULT_REPORT) {
            if (Retraction.in(t)) {
                return Optional.of(Intent.INCIDENT_FOLLOWUP);
            }
            if (QUOTED.matcher(t).find() && ASKS_ABOUT_IT.matcher(QUOTED.matcher(t).replaceAll(",")).find()) {
                return Optional.of(Intent.INCIDENT_FOLLOWUP);
            }
            if (elsewhere) {
                return Optional.of(ABOUT_US.matcher(t).find() ? Intent.STATUS_QUERY : Intent.OTHER);
            }
        }
        if (NOTICE.matcher(t).find() && !saysNow(t)) {
            return Optional.of(Intent.OTHER);
        }
        if (asksRatherThanReports(t)) {
            return Optional.of(Intent.CONSULTATION);
        }
        return Optional.empty();
    }

    /** A word that places a failure now ("现在", "今天……又", "……登不上了"). */
    static boolean saysNow(String t) {
        return PRESENT_TIME.matcher(t).find()
                || (!SUPPOSE.matcher(t).find() && PRESENT_STATE.matcher(t).find());
    }

    private static boolean asksRatherThanReports(String t) {
        boolean question = HYPOTHETICAL.matcher(t).find() || LOOKUP.matcher(t).find() || PAST.matcher(t).find()
                || FIX_A_MISTAKE.matcher(t).find() || (HOW_TO.matcher(t).find() && !FAILURE.matcher(t).find());
        return question && !saysNow(t);
    }
}
