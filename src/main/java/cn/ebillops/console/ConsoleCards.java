package cn.ebillops.console;

import cn.ebillops.config.Person;
import cn.ebillops.incident.IncidentActions;
import cn.ebillops.web.RequestRefused;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A button pressed on a card in the console's "我的消息": the same incident actions port as WeCom's card
 * clicks, so the same role checks. Only a button of a card sent to the presser counts; the presser is
 * who the session says (the controller's concern), never a field of the request.
 */
@Component
class ConsoleCards {

    /** What a press did: {@code result} ("接单 · 张工") only when the incident changed; the answer in full. */
    record Pressed(boolean done, String result, String reply) {
    }

    private final IncidentActions incidents;
    private final ConsoleTranscript transcript;

    ConsoleCards(IncidentActions incidents, ConsoleTranscript transcript) {
        this.incidents = incidents;
        this.transcript = transcript;
    }

    Pressed press(long cardSeq, String key, Person actor) {
        ConsoleTranscript.Line card = transcript.directLine(cardSeq, actor.userId())
                .orElseThrow(() -> new RequestRefused(HttpStatus.NOT_FOUND, "card_not_found", "没有这张卡片，或它不是发给您的"));
        if (key == null || card.buttons().stream().noneMatch(b -> b.key().equals(key))) {
            throw RequestRefused.badRequest("unknown_button", "这张卡片上没有这个按钮");
        }
        IncidentActions.ButtonKey button = IncidentActions.ButtonKey.parse(key)
                .orElseThrow(() -> RequestRefused.badRequest("unknown_button", "这个按钮不能在控制台操作，请在群里描述您的操作"));
        IncidentActions.Outcome outcome = incidents.act(button.action(), button.number(), actor, "控制台卡片按钮");
        String reply = ConsoleTranscript.markdown(outcome.reply());
        String result = outcome.done() ? button.action().label() + " · " + actor.name() : null;
        if (outcome.done()) {
            transcript.cardResult(cardSeq, result);
        }
        // the answer goes where WeCom's app sends it when the card cannot be updated: a direct message
        transcript.toPerson(actor.userId(), reply);
        return new Pressed(outcome.done(), result, reply);
    }
}
