package cn.ebillops.wecom;

import cn.ebillops.channel.ChatSender;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.wording.Wording;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A card button click on the long connection (template_card_event): the action goes to {@link CardActions} (the
 * incident module checks who may do what), and the answer updates the card as the official client's
 * updateTemplateCard does: aibot_respond_update_msg on the event's req_id, the card with the same task_id, its
 * buttons replaced by the result ("已接单 · 张工") for everyone; a refused action updates only the clicker's card,
 * buttons kept, with the reason. An update WeCom refuses or does not ack is logged with its errcode and the
 * answer goes to the clicker as a direct message instead.
 */
@Component
class AibotCardClicks {

    private static final Logger log = LoggerFactory.getLogger(AibotCardClicks.class);
    /** WeCom's limit for a card's second-level text. */
    static final int SUBTITLE_MAX_CHARS = 112;

    private final CardActions cards;
    private final AibotProtocol protocol;
    private final AibotAcks acks;
    private final ChatSender chatSender;
    private final Wording wording;

    AibotCardClicks(CardActions cards, AibotProtocol protocol, AibotAcks acks, ChatSender chatSender, Wording wording) {
        this.cards = cards;
        this.protocol = protocol;
        this.acks = acks;
        this.chatSender = chatSender;
        this.wording = wording;
    }

    void onClick(AibotSocket.Received received, AibotMessage m) {
        CardActions.Click click = cards.click(m.eventKey(), m.userId());
        String reqId = received.frame().reqId();
        if (click.key().isPresent() && !m.taskId().isBlank()) {
            String update = protocol.cardUpdate(reqId, card(m, click), click.done() ? List.of() : List.of(m.userId()));
            try {
                acks.call(reqId, () -> received.reply(update));
                return;
            } catch (AibotAcks.Refused e) {
                log.warn("智能机器人卡片更新被拒：errcode {}（{}），结果改为私信点击人", e.errcode(), e.getMessage());
            } catch (RuntimeException e) {
                log.warn("智能机器人卡片更新没有发出（{}），结果改为私信点击人", e.getMessage());
            }
        }
        if (!chatSender.send(OutboundMessage.toPerson(m.userId(), ReplyRoute.markdown(click.reply())))) {
            log.warn("卡片点击的结果没有送达点击人：私信没有发出（用户 {}）", m.userId());
        }
    }

    private Map<String, Object> card(AibotMessage m, CardActions.Click click) {
        long number = click.key().orElseThrow().number();
        String answer = ReplyRoute.markdown(click.reply());
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("card_type", "button_interaction");
        card.put("main_title", Map.of("title", wording.text("wecom.aibot.cardTitle", "number", number)));
        card.put("sub_title_text", answer.length() > SUBTITLE_MAX_CHARS ? answer.substring(0, SUBTITLE_MAX_CHARS - 1) + "…"
                : answer);
        card.put("task_id", m.taskId());
        List<WecomAppClient.CardButton> buttons = click.done()
                ? List.of(new WecomAppClient.CardButton(click.result(), m.eventKey(), 2))
                : CardActions.incidentButtons(number);
        card.put("button_list", buttons.stream().map(b -> Map.of("text", b.text(), "style", b.style(), "key", b.key()))
                .toList());
        return card;
    }
}
