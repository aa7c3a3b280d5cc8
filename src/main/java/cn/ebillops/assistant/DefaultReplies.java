package cn.ebillops.assistant;

import cn.ebillops.assistant.nlu.Classification;
import cn.ebillops.channel.Reply;

/** Honest answers for intents whose module is not installed, and the short guide. */
final class DefaultReplies {

    private DefaultReplies() {
    }

    static Reply forIntent(Classification c) {
        return switch (c.intent()) {
            case FAULT_REPORT -> Reply.of("""
                    已收到故障报告，初步判断：**%s**，范围：%s。
                    故障单模块尚未启用，请直接电话联系值班工程师；启用后助手会自动建单、计时并通知值班工程师。"""
                    .formatted(c.severity().describe(), c.area().label()));
            case CONSULTATION -> Reply.of("这是一个操作咨询。知识库尚未启用，请联系运维工程师，或发送 /help 查看可用命令。");
            case STATUS_QUERY -> Reply.of("这是一个状态查询。系统状态监测尚未启用，可以发送 /help 查看可用命令。");
            case INSPECTION_REQUEST -> Reply.of("这是一个巡检请求。巡检模块尚未启用，请联系运维工程师。");
            case DUTY_QUERY -> Reply.of("这是一个值班查询。值班表模块尚未启用，请联系运维服务商。");
            case INCIDENT_FOLLOWUP -> Reply.of("收到您对故障处理情况的反馈。故障单模块尚未启用，请联系值班工程师确认进度。");
            case OTHER -> OtherReplies.forOther(c);
        };
    }

    static Reply guide() {
        return Reply.of("""
                您好，我是电子票据运维助手。可以这样找我：
                > 报故障：直接描述，如“开票失败”“3号窗口打印机打不出票”
                > 问状态：“现在系统正常吗”
                > 查值班：“国庆谁值班”
                > 工程师命令：发送 /help 查看全部命令""");
    }
}
