package cn.ebillops.wecom;

import cn.ebillops.channel.InboundLimits;
import cn.ebillops.channel.InboundMessage;
import cn.ebillops.channel.Reply;
import cn.ebillops.web.RequestRefused;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The long connection as an inbound route, beside the two callback controllers: a user's message that
 * {@link AibotSocket} received goes into the {@link WecomPipeline}, and its answer back on the connection
 * it came by as a stream reply to that message ({@link AibotStream}: a placeholder first when the answer is slow,
 * each frame acked before the next); what does not fit in the stream is pushed after it. enter_chat gets the
 * welcome; a card button click updates the card ({@link AibotCardClicks}).
 */
@Component
class AibotLongConnection {

    private static final Logger log = LoggerFactory.getLogger(AibotLongConnection.class);
    static final String CHANNEL = "wecom-aibot";

    private final WecomProperties.Aibot config;
    private final WecomPipeline pipeline;
    private final AibotProtocol protocol;
    private final AibotStreams streams;
    private final AibotCardClicks cards;
    private final Clock clock;

    AibotLongConnection(WecomProperties props, WecomPipeline pipeline, AibotProtocol protocol, AibotStreams streams,
                        AibotCardClicks cards, Clock clock) {
        this.config = props.aibot();
        this.pipeline = pipeline;
        this.protocol = protocol;
        this.streams = streams;
        this.cards = cards;
        this.clock = clock;
    }

    /** Runs on the socket's thread, in the order the frames arrived; the answering runs in the pipeline. */
    @EventListener
    void onCallback(AibotSocket.Received received) {
        AibotMessage m = received.frame().message();
        switch (received.frame().cmd()) {
            case AibotProtocol.MESSAGE -> onMessage(received, m);
            case AibotProtocol.EVENT -> onEvent(received, m);
            default -> { }
        }
    }

    private void onMessage(AibotSocket.Received received, AibotMessage m) {
        if (WecomProperties.set(m.botId()) && !m.botId().equals(config.botId())) {
            log.warn("aibot long connection: message for unknown bot refused");
            return;
        }
        if (m.msgId().isBlank() || !m.isUserText()) {
            return;
        }
        InboundMessage in;
        try {
            in = InboundLimits.check(
                    new InboundMessage(CHANNEL, m.chatId(), m.userId(), m.text(), m.msgId(), clock.instant()));
        } catch (RequestRefused e) {
            log.warn("aibot long connection: message refused: {}", e.code());
            return;
        }
        AibotStream stream = streams.open(received);
        pipeline.submit(in, replies -> answer(received, stream, m, replies));
    }

    /**
     * This route's way back. The first reply as a stream (at most 20480 bytes); the rest of it and the
     * further replies are pushed as later messages into the same chat. Returns what could not be pushed:
     * the streamed part is out already and is not repeated. Throws when WeCom refused the stream: all goes round.
     */
    private String answer(AibotSocket.Received received, AibotStream stream, AibotMessage m, List<Reply> replies) {
        String first = ReplyRoute.markdown(replies.get(0));
        String streamed = MarkdownSplitter.split(first, AibotProtocol.MAX_BYTES).get(0);
        stream.answer(streamed);
        List<String> later = new ArrayList<>();
        if (streamed.length() < first.length()) {
            later.add(first.substring(streamed.length()));
        }
        replies.subList(1, replies.size()).forEach(r -> later.add(ReplyRoute.markdown(r)));
        for (int i = 0; i < later.size(); i++) {
            boolean pushed;
            try {
                pushed = received.socket().push(m.chatId(), later.get(i));
            } catch (RuntimeException e) {
                pushed = false;
            }
            if (!pushed) {
                return String.join("\n\n", later.subList(i, later.size()));
            }
        }
        return "";
    }

    private void onEvent(AibotSocket.Received received, AibotMessage m) {
        String reqId = received.frame().reqId();
        switch (m.eventType()) {
            case "enter_chat" -> received.replyQuietly(protocol.welcome(reqId, AibotCallbackController.WELCOME));
            case "template_card_event" -> pipeline.later(() -> cards.onClick(received, m));
            default -> log.debug("aibot event {} ignored", m.eventType());
        }
    }
}
