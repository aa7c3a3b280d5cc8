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
            return Reply.of("找不到故障单 #%d，请核对编号；发送 /status 可查看未关闭的故障单。".formatted(named.get()));
        }
        if (found.isEmpty()) {
            return Reply.of("您目前没有未关闭的故障单。如有新问题，请直接描述故障现象，例如“开票失败，提示签名错误”。");
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
                String who = engineer.tell(updated, "⚠️ %s 反馈故障单 %s 仍未恢复，请尽快处理。\n%s".formatted(
                        turn.sender().name(), i.ref(), texts.headline(updated)));
                return Reply.of("已记录：故障单 %s 仍未恢复%s。已提醒 %s 尽快处理。".formatted(i.ref(),
                        i.status().isOpen() ? "" : "，已重新打开", who));
            }
            if (RECOVERED.matcher(text).find()) {
                Incident updated = service.confirmRecovered(i.number(), turn.sender());
                return Reply.of("感谢确认！故障单 %s 已登记为%s。如再出现问题，请直接在群里说明。".formatted(i.ref(),
                        updated.status().label()));
            }
        } catch (IncidentException e) {
            return Reply.of(e.getMessage());
        }
        return Reply.of(views.detail(i) + progressHint(i));
    }

    private String progressHint(Incident i) {
        if (i.acknowledgedBy() == null && i.status().isOpen()) {
            return "值班工程师尚未接单，响应时限 %s，到时未接单助手会自动升级通知。".formatted(texts.time(i.responseDeadline()));
        }
        return i.status().isOpen() ? "%s 正在处理。".formatted(texts.name(i.acknowledgedBy())) : "";
    }
}
