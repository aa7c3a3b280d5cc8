package cn.ebillops.assistant.nlu;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests and instructions addressed to the assistant itself (GUIDELINES: "Instructions to the
 * assistant"): to ignore its instructions or play someone else, to reveal keys, passwords, its
 * prompt or patients' data, to export data, or to close or change incidents by word of mouth.
 * They report no fault and ask for no inspection, so they must never open an incident or run a
 * check, whatever fault words they quote; the assistant refuses or points to the command.
 */
public final class AssistantRequests {

    /** What the request asks for, so the answer can say why it is refused or which command does it. */
    public enum Kind { OVERRIDE, SECRET, PATIENT_DATA, INCIDENT_CHANGE }

    private static final Pattern OVERRIDE = Pattern.compile(
            "(忽略|无视|忘掉|忘记|不要管|别管|跳过|绕过)[^,.;!?]{0,10}(指令|指示|规则|设定|提示词|限制|要求|prompt)|"
                    + "(扮演|假装|冒充|你现在是|你现在就是|假设你是|当作你是)[^,.;!?]{0,10}(工程师|管理员|经理|主任|运维|我)|"
                    + "(system prompt|系统提示词|提示词|初始指令|你的指令|你的设定)");
    private static final Pattern REVEAL = Pattern.compile(
            "(告诉我|发我|发给我|发到|发出来|发一下|发一份|给我|输出|打印出?|显示出?|列出|贴出|导出|泄露|公布|念出|看看你的)");
    private static final Pattern SECRET = Pattern.compile(
            "密码|口令|密钥|私钥|secret|api ?key|(?<![a-z])key(?![a-z])|token|证书私钥|root|账号密码|webhook");
    private static final Pattern PATIENT_DATA = Pattern.compile(
            "(病人|患者|病患|所有人)[^,.;!?]{0,8}(身份证|手机号|电话|住址|名单|信息|资料|数据)|身份证号|手机号码?");
    private static final Pattern INCIDENT_CHANGE = Pattern.compile(
            "(把|将|给)[^,.;!?]{0,12}(故障单|工单|故障|单子|事件|#\\d+|\\d+号单?)[^,.;!?]{0,8}"
                    + "(关掉|关了|关闭|删除|删掉|撤销|撤掉|改成|改为|降为|降级|升级|升为|标记|标成|结掉|结了)|"
                    + "(关掉|关闭|删除|删掉|清空)[^,.;!?]{0,6}(所有|全部)[^,.;!?]{0,4}(故障单|工单|故障)");

    private AssistantRequests() {
    }

    /** The kind of request in a normalised message, if it is one. */
    public static Optional<Kind> of(String normalised) {
        if (OVERRIDE.matcher(normalised).find()) {
            return Optional.of(Kind.OVERRIDE);
        }
        if (INCIDENT_CHANGE.matcher(normalised).find()) {
            return Optional.of(Kind.INCIDENT_CHANGE);
        }
        Matcher reveal = REVEAL.matcher(normalised);
        if (reveal.find()) {
            String rest = normalised.substring(Math.max(0, reveal.start() - 16));
            if (PATIENT_DATA.matcher(rest).find()) {
                return Optional.of(Kind.PATIENT_DATA);
            }
            if (SECRET.matcher(rest).find()) {
                return Optional.of(Kind.SECRET);
            }
        }
        return Optional.empty();
    }
}
