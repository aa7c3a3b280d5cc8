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
            return Reply.of(texts.text("incident.report.joined", "ref", i.ref(), "level", i.severity().describe(),
                    "area", i.area().label(), "reporters", texts.reporters(outcome.reporters()), "status", status(i),
                    "deadline", texts.time(i.responseDeadline())));
        }
        return Reply.of(texts.text("incident.report.opened", "ref", i.ref(), "level", i.severity().describe(),
                "area", i.area().label(), "deadline", texts.time(i.responseDeadline()),
                "limit", IncidentTexts.duration(settings.responseDeadline())));
    }

    private String status(Incident i) {
        return i.acknowledgedBy() == null ? i.status().label()
                : texts.text("incident.report.statusAcknowledged", "status", i.status().label(),
                        "engineer", texts.name(i.acknowledgedBy()));
    }
}
