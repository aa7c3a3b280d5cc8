package cn.ebillops.assistant;

import cn.ebillops.assistant.nlu.AssistantRequests;
import cn.ebillops.assistant.nlu.Classification;
import cn.ebillops.assistant.nlu.Intent;
import cn.ebillops.channel.Reply;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers to messages that are neither faults nor questions about the e-bill system: a request to
 * the assistant itself is refused (changing nothing, whatever fault words it quotes, and before any
 * language model sees it); a question about something else gets an honest "I don't know"; small talk
 * gets the short guide.
 */
final class OtherReplies {

    private static final Pattern QUESTION = Pattern.compile("[?]|吗|么|呢|谁|哪|几|多少|什么|怎么|如何|是否|有没有|有无");

    private OtherReplies() {
    }

    /** The refusal for a request to the assistant, if the message is one. */
    static Optional<Reply> refusal(Classification c) {
        if (c.intent() != Intent.OTHER || c.normalized() == null) {
            return Optional.empty();
        }
        return AssistantRequests.of(c.normalized()).map(OtherReplies::refuse);
    }

    static Reply forOther(Classification c) {
        if (c.normalized() != null && QUESTION.matcher(c.normalized()).find()) {
            return Reply.of("""
                    我不确定这个问题的答案：我只负责电子票据系统和签名验签服务器的运维（报故障、查系统状态、查值班、巡检、操作咨询）。
                    其他事务请联系相关科室；如果是电子票据的问题，请换个说法描述，或直接联系值班工程师。""");
        }
        return DefaultReplies.guide();
    }

    private static Reply refuse(AssistantRequests.Kind kind) {
        return Reply.of(switch (kind) {
            case OVERRIDE -> "我不能改变自己的工作规则，也不能扮演或代替他人。遇到故障请直接描述现象，我会按流程建单并通知值班工程师。";
            case SECRET -> "密码、密钥和系统配置不能在聊天中提供，也不会发到群里。确需使用请联系运维服务商负责人当面办理。";
            case PATIENT_DATA -> "病人的身份证号、手机号等个人信息不能通过聊天导出或发送。确需查询请在业务系统中按医院的数据管理规定办理。";
            case INCIDENT_CHANGE -> """
                    故障单不会根据聊天内容直接修改，需由运维工程师用命令处理：
                    > 关闭：`/close 编号`　改级别：`/level 编号 II`　查看：`/incident 编号`
                    > 报告人撤销误报：`/cancel 编号`，或直接说“不是故障”
                    本次没有做任何修改。""";
        });
    }
}
