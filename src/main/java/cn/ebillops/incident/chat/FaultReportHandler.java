package cn.ebillops.incident.chat;

import cn.ebillops.assistant.IntentHandler;
import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.assistant.Turn;
import cn.ebillops.assistant.nlu.Classification;
import cn.ebillops.assistant.nlu.Intent;
import cn.ebillops.channel.Reply;
import cn.ebillops.incident.FaultReport;
import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentService;
import cn.ebillops.incident.IncidentSettings;
import cn.ebillops.incident.IncidentTexts;
import org.springframework.stereotype.Component;

/**
 * "开票失败" → an incident (or the open one of the same area within the merge window), answered
 * at once with number, contract level, area and response deadline. Diagnosis follows in the
 * background and is posted to the group.
 */
@Component
public class FaultReportHandler implements IntentHandler {

    private final IncidentService service;
    private final IncidentSettings settings;
    private final IncidentTexts texts;
    private final PiiMasker masker;

    public FaultReportHandler(IncidentService service, IncidentSettings settings, IncidentTexts texts,
                              PiiMasker masker) {
        this.service = service;
        this.settings = settings;
        this.texts = texts;
        this.masker = masker;
    }

    @Override
    public Intent intent() {
        return Intent.FAULT_REPORT;
    }

    @Override
    public Reply handle(Turn turn, Classification c) {
        var outcome = service.report(new FaultReport(turn.sender(), turn.chatId(), masker.mask(turn.text()),
                c.severity(), c.area()));
        Incident i = outcome.incident();
        if (outcome.joined()) {
            return Reply.of("""
                    该故障已在处理中，已将您加入 **故障单 %s**。
                    > 级别：%s
                    > 范围：%s
                    > 报告人：%s
                    > 状态：%s
                    > 响应时限：%s 前""".formatted(i.ref(), i.severity().describe(), i.area().label(),
                    texts.reporters(outcome.reporters()), status(i), texts.time(i.responseDeadline())));
        }
        return Reply.of("""
                已收到，已建 **故障单 %s**。
                > 级别：%s
                > 范围：%s
                > 响应时限：%s 前（合同承诺 %s内响应，7×24 小时）
                已通知值班工程师，正在自动检查相关服务，结果稍后发到本群。""".formatted(i.ref(),
                i.severity().describe(), i.area().label(), texts.time(i.responseDeadline()),
                IncidentTexts.duration(settings.responseDeadline())));
    }

    private String status(Incident i) {
        return i.acknowledgedBy() == null ? i.status().label()
                : "%s（%s 已接单）".formatted(i.status().label(), texts.name(i.acknowledgedBy()));
    }
}
