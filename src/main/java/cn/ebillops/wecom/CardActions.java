package cn.ebillops.wecom;

import cn.ebillops.channel.Reply;
import cn.ebillops.config.BotConfig;
import cn.ebillops.incident.IncidentActions;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Turns a template card button click into an incident action. Button keys look like
 * {@code incident:ACK:42}. Until the incident module exists the clicker gets a clear answer.
 */
@Component
class CardActions {

    static final String NOT_AVAILABLE = "故障单功能尚未启用，暂时无法通过卡片按钮接单/到场/解决。请直接电话联系值班工程师。";

    private final ObjectProvider<IncidentActions> incidents;
    private final BotConfig config;

    public CardActions(ObjectProvider<IncidentActions> incidents, BotConfig config) {
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
        Optional<ParsedKey> parsed = parse(eventKey);
        if (parsed.isEmpty()) {
            return Reply.of("无法识别的卡片按钮，请在群里直接描述您的操作。");
        }
        IncidentActions actions = incidents.getIfAvailable();
        if (actions == null) {
            return Reply.of(NOT_AVAILABLE);
        }
        return actions.act(parsed.get().action(), parsed.get().number(), config.person(userId), "企业微信卡片按钮").reply();
    }

    record ParsedKey(IncidentActions.Action action, long number) {
    }

    static Optional<ParsedKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String[] p = key.split(":");
        if (p.length != 3 || !p[0].equals("incident")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ParsedKey(IncidentActions.Action.valueOf(p[1]), Long.parseLong(p[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
