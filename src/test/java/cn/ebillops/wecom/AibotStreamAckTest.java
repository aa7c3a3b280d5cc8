package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.ebillops.sandbox.wecom.StandInStreams;
import cn.ebillops.sandbox.wecom.WecomStandIn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Stream replies on the long connection wait for WeCom's ack of each frame (issue 15): a stream WeCom refuses
 * is logged with its errcode and the answer goes round (here: aibot_send_msg into the same group), and when
 * nothing takes it the inbox keeps the message for the sweep instead of deleting it.
 */
@ExtendWith(OutputCaptureExtension.class)
class AibotStreamAckTest extends WecomStandInTestBase {

    @Autowired WecomInbox inbox;
    @Autowired WecomInboxSweeper sweeper;

    @BeforeEach
    void holdingTheConnection() {
        await().atMost(Duration.ofSeconds(15)).until(aibot::isSubscribed);
    }

    private List<String> texts(String chat, String route) {
        return standIn.received(chat, route).stream().map(WecomStandIn.Received::text).toList();
    }

    private boolean inInbox(String msgId) {
        return inbox.stale(Instant.now().plusSeconds(3600), 1000).stream()
                .anyMatch(p -> p.message().messageId().equals(msgId));
    }

    @Test
    void aStreamWeComRefusesIsLoggedWithItsErrcodeAndTheAnswerGoesRound(CapturedOutput output) {
        String chat = unique("wr_refused_stream_");
        socket.streams().refuseRespondIn(chat, 846608);
        try {
            assertThat(socket.userMessage(chat, "group", "chenxia", "@助手 /help", unique("msg-"))).isTrue();
            exactly(1, chat, "aibot-push");
        } finally {
            socket.streams().refuseRespondIn(chat, 0);
        }
        assertThat(texts(chat, "aibot")).as("no frame of the stream was taken").isEmpty();
        assertThat(texts(chat, "aibot-push").get(0)).contains("/inspect").endsWith("<@chenxia>");
        assertThat(output.getAll()).contains("errcode 846608").doesNotContain("/inspect");
    }

    @Test
    void aRefusedStreamWhoseFallbackFailsTooStaysInTheInboxForTheSweep() {
        String chat = unique("wr_nowhere_");
        String user = unique("u");
        String msgId = unique("msg-");
        socket.streams().refuseRespondIn(chat, 846608);
        // the ways round refused too (the push, then the direct message to the asker): nothing took the answer
        socket.failNext("aibot_send_msg", 846608);
        standIn.injectMessageSendErrors(user, List.of(81013));
        try {
            assertThat(socket.userMessage(chat, "group", user, "@助手 /help", msgId)).isTrue();
            settle();
        } finally {
            socket.streams().refuseRespondIn(chat, 0);
        }
        assertThat(texts(chat, "aibot")).isEmpty();
        assertThat(texts(chat, "aibot-push")).isEmpty();
        assertThat(inInbox(msgId)).as("the inbox keeps the unanswered message").isTrue();

        sweeper.sweep(Instant.now().plusSeconds(1)); // as the sweep does once the row is stale
        exactly(1, chat, "aibot-push");
        assertThat(texts(chat, "aibot-push").get(0)).contains("/inspect");
        assertThat(inInbox(msgId)).isFalse();
    }

    @Test
    void aRateLimitedFrameIsSentAgainAndTheAnswerStreams() {
        String chat = unique("wr_busy_");
        socket.streams().refuseNextRespond(45009);
        assertThat(socket.userMessage(chat, "group", "chenxia", "@助手 /help", unique("msg-"))).isTrue();
        exactly(1, chat, "aibot");
        assertThat(texts(chat, "aibot-push")).as("a transient refusal is retried, not sent round").isEmpty();
        List<StandInStreams.Frame> frames = socket.streams().frames(chat);
        assertThat(frames).extracting(StandInStreams.Frame::streamId).containsOnly(frames.get(0).streamId());
        assertThat(frames.get(frames.size() - 1).finish()).isTrue();
    }
}
