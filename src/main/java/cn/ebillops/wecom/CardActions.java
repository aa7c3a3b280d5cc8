package cn.ebillops.wecom;

import cn.ebillops.channel.Reply;
import cn.ebillops.config.BotConfig;
import cn.ebillops.config.Person;
import cn.ebillops.incident.IncidentActions;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Turns a template card button click into an incident action. Button keys look like
 * {@code incident:ACK:42}; the incident module checks who may do what.
 */
@Component
class CardActions {

    private final IncidentActions incidents;
    private final BotConfig config;

    public CardActions(IncidentActions incidents, BotConfig config) {
        this.incidents = incidents;
        this.config = config;
    }

    /** The three buttons of an incident card. */
    public static List<WecomAppClient.CardButton> incidentButtons(long incidentNumber) {
        return java.util.Arrays.stream(IncidentActions.Action.values())
                .map(a -> new WecomAppClient.CardButton(a.label(), key(a, incidentNumber),
                        a == IncidentActions.Action.ONSITE ? 2 : 1))
                .toList();
    }

    public static String key(IncidentActions.Action action, long incidentNumber) {
        return IncidentActions.buttonKey(action, incidentNumber);
    }

    public Reply onClick(String eventKey, String userId) {
        return click(eventKey, userId).reply();
    }

    /**
     * What a click did: the button's incident and action (empty for a key that is not ours), whether the incident
     * changed, the short result for the card ("已接单 · 张工") and the full answer.
     */
    record Click(Optional<IncidentActions.ButtonKey> key, boolean done, String result, Reply reply) {
    }

    Click click(String eventKey, String userId) {
        Optional<IncidentActions.ButtonKey> parsed = IncidentActions.ButtonKey.parse(eventKey);
        if (parsed.isEmpty()) {
            return new Click(parsed, false, "", Reply.of("无法识别的卡片按钮，请在群里直接描述您的操作。"));
        }
        Person actor = config.person(userId);
        IncidentActions.Outcome outcome = incidents.act(parsed.get().action(), parsed.get().number(), actor, "企业微信卡片按钮");
        return new Click(parsed, outcome.done(), parsed.get().action().label() + " · " + actor.name(), outcome.reply());
    }

    }
