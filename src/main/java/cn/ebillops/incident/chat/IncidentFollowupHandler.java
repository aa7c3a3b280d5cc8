package cn.ebillops.incident.chat;

import cn.ebillops.assistant.IntentHandler;
import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.assistant.Turn;
import cn.ebillops.assistant.nlu.Classification;
import cn.ebillops.assistant.nlu.Intent;
import cn.ebillops.assistant.nlu.Retraction;
import cn.ebillops.channel.Reply;
import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentException;
import cn.ebillops.incident.IncidentService;
import cn.ebillops.incident.IncidentTexts;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Follow-ups on the incident the message names ("3号故障单好了吗", "#3 还是不行"), else on the
 * sender's (or chat's) newest: progress; "好了/恢复了/可以了" confirms the fault is over; "还是不行" is
 * noted and the engineer is pinged; "不是故障/误报" withdraws it.
 */
@Component
public class IncidentFollowupHandler implements IntentHandler {

    static final Pattern STILL_FAILING = Pattern.compile("还是不行|还不行|仍然不行|又不行|还没好|没好|还是(失败|报错|打不|开不)|依然|仍然(失败|报错)");
    static final Pattern RECOVERED = Pattern.compile("好了|恢复了|可以了|正常了|没问题了|解决了|能用了|能开了");

    private final IncidentService service;
    private final IncidentViews views;
    private final IncidentTexts texts;
    private final IncidentEngineer engineer;
    private final IncidentWithdrawal withdrawal;
    private final PiiMasker masker;

    IncidentFollowupHandler(IncidentService service, IncidentViews views, IncidentTexts texts, IncidentEngineer engineer,
                            IncidentWithdrawal withdrawal, PiiMasker masker) {
        this.service = service;
        this.views = views;
        this.texts = texts;
        this.engineer = engineer;
        this.withdrawal = withdrawal;
        this.masker = masker;
    }

    @Override
    public Intent intent() {
        return Intent.INCIDENT_FOLLOWUP;
    }

    @Override
    public Reply handle(Turn turn, Classification classification) {
        Optional<Long> named = turn.entities().incident();
        Optional<Incident> found = named.isPresent() ? service.find(named.get())
                : service.activeFor(turn.sender().userId(), turn.chatId());
        if (named.isPresent() && found.isEmpty()) {
            return Reply.of(texts.text("incident.followup.notFound", "number", named.get()));
        }
        if (found.isEmpty()) {
            return Reply.of(texts.text("incident.followup.none"));
        }
        Incident i = found.get();
        String text = turn.text();
        try {
            // said of the report itself, so checked first: "不是故障，现在好了" withdraws rather than resolves
            if (Retraction.in(text) && i.status().isOpen()) {
                return Reply.of(withdrawal.withdraw(i.number(), turn.sender(), masker.mask(text)));
            }
            if (STILL_FAILING.matcher(text).find()) {
                Incident updated = service.reportStillFailing(i.number(), turn.sender(), masker.mask(text));
                String who = engineer.tell(updated, texts.text("incident.followup.stillFailingEngineer",
                        "reporter", turn.sender().name(), "ref", i.ref(), "headline", texts.headline(updated)));
                return Reply.of(texts.text(i.status().isOpen() ? "incident.followup.stillFailing"
                        : "incident.followup.stillFailingReopened", "ref", i.ref(), "engineer", who));
            }
            if (RECOVERED.matcher(text).find()) {
                Incident updated = service.confirmRecovered(i.number(), turn.sender());
                return Reply.of(texts.text("incident.followup.recovered", "ref", i.ref(),
                        "status", updated.status().label()));
            }
        } catch (IncidentException e) {
            return Reply.of(e.getMessage());
        }
        return Reply.of(views.detail(i) + progressHint(i));
    }

    private String progressHint(Incident i) {
        if (i.acknowledgedBy() == null && i.status().isOpen()) {
            return texts.text("incident.followup.notAcknowledged", "deadline", texts.time(i.responseDeadline()));
        }
        return i.status().isOpen() ? texts.text("incident.followup.handling", "engineer", texts.name(i.acknowledgedBy()))
                : "";
    }
}
