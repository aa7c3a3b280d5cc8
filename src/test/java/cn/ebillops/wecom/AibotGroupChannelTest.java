package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.ebillops.channel.InboundMessage;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.sandbox.wecom.WecomStandIn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A site with only the AI bot: group notices for chats without a group-robot webhook go out on
 * the long connection (aibot_send_msg, the stand-in records them as "aibot-push").
 */
@ExtendWith(OutputCaptureExtension.class)
class AibotGroupChannelTest extends WecomStandInTestBase {

    @Autowired AibotSocket longConnection;
    @Autowired WecomInbox inbox;
    @Autowired WecomInboxSweeper sweeper;

    @BeforeEach
    void holdingTheConnection() {
        await().atMost(Duration.ofSeconds(15)).until(longConnection::isSubscribed);
    }

    private List<String> pushed(String chat) {
        return standIn.received(chat, "aibot-push").stream().map(WecomStandIn.Received::text).toList();
    }

    @Test
    void aGroupNoticeForAChatWithoutRobotWebhookIsPushedOnTheLongConnection() {
        String chat = unique("wr_push_");
        OutboundMessage notice = OutboundMessage.toGroup(chat, "🔍 **故障单 #1 自动诊断** 相关检查均正常")
                .mentioning(List.of("zhanggong")).withDedupKey(unique("diag-"));
        assertThat(chatSender.send(notice)).isTrue();
        exactly(1, chat, "aibot-push");
        assertThat(pushed(chat)).containsExactly("🔍 **故障单 #1 自动诊断** 相关检查均正常\n<@zhanggong>");
        assertThat(standIn.received(chat, "robot")).isEmpty();

        chatSender.send(notice); // the same notice again (a retry, a second step) is refused by its dedup key
        exactly(1, chat, "aibot-push");
    }

    @Test
    void aChatWithARobotWebhookGetsTheNoticeByTheRobotOnly() {
        String notice = unique("SLA 提醒 ");
        chatSender.toGroup("wr_cashier", notice);
        await().atMost(Duration.ofSeconds(10)).until(() -> standIn.received("wr_cashier", "robot").stream()
                .anyMatch(r -> r.text().contains(notice)));
        assertThat(pushed("wr_cashier")).noneMatch(t -> t.contains(notice));
    }

    @Test
    void theSweepsLateAnswerReachesAGroupWithoutRobotWebhook() {
        String chat = unique("wr_late_");
        String user = unique("u");
        InboundMessage m = new InboundMessage("wecom-aibot", chat, user, "@助手 /help", unique("msg-"), Instant.now());
        assertThat(inbox.accept(m)).isPresent(); // acknowledged, then the instance died

        sweeper.sweep(Instant.now().plusSeconds(1));
        exactly(1, chat, "aibot-push");
        assertThat(pushed(chat).get(0)).contains("补答").contains("/inspect").endsWith("<@" + user + ">");
    }

    @Test
    void aPushWeComRefusesIsLoggedWithItsErrcodeAndReportedAsNotSent(CapturedOutput output) {
        String chat = unique("wr_refused_");
        socket.failNext("aibot_send_msg", 846608);
        assertThat(chatSender.send(OutboundMessage.toGroup(chat, "🔍 故障单 #2 自动诊断").withDedupKey(unique("diag-"))))
                .as("a refused push is not sent").isFalse();
        assertThat(output.getAll()).contains("errcode 846608").contains(chat);
        assertThat(standIn.received(chat, "aibot-push")).isEmpty();
    }

    @Test
    void afterARefusedPushTheSameNoticeCanBeSentAgain() {
        String chat = unique("wr_again_");
        OutboundMessage notice = OutboundMessage.toGroup(chat, "🔍 故障单 #4 自动诊断").withDedupKey(unique("diag-"));
        socket.failNext("aibot_send_msg", 846608);
        chatSender.send(notice);

        assertThat(chatSender.send(notice)).as("no dedup key kept for the refused push").isTrue();
        exactly(1, chat, "aibot-push");
        assertThat(chatSender.send(notice)).isTrue(); // once taken, the key refuses a repeat
        exactly(1, chat, "aibot-push");
    }

    @Test
    void aPushWeComRefusesGoesToTheMentionedPeopleAsDirectMessages(CapturedOutput output) {
        String chat = unique("wr_dm_");
        String engineer = unique("eng_");
        OutboundMessage notice = OutboundMessage.toGroup(chat, "⏰ 故障单 #5 响应时限将到").mentioning(List.of(engineer))
                .withDedupKey(unique("sla-"));
        socket.failNext("aibot_send_msg", 846608);
        assertThat(chatSender.send(notice)).as("delivered the other way").isTrue();
        exactly(1, engineer, "app");
        assertThat(standIn.received(engineer, "app").get(0).text()).contains("故障单 #5 响应时限将到");
        assertThat(output.getAll()).contains("errcode 846608").contains(chat);

        assertThat(chatSender.send(notice)).isTrue(); // a repeat of the notice is refused by its key
        settle();
        assertThat(standIn.received(chat, "aibot-push")).isEmpty();
        assertThat(standIn.received(engineer, "app")).hasSize(1);
    }

    @Test
    void aTransientRefusalIsLeftToTheCallersRetryNotSentRound() {
        String chat = unique("wr_busy_");
        String engineer = unique("eng_");
        socket.failNext("aibot_send_msg", 45009);
        assertThat(chatSender.send(OutboundMessage.toGroup(chat, "🔍 故障单 #6 自动诊断").mentioning(List.of(engineer))
                .withDedupKey(unique("diag-")))).isFalse();
        settle();
        assertThat(standIn.received(engineer, "app")).isEmpty();
    }

    @Test
    void aRateLimitedPushIsTransientForTheCallersRetry() {
        assertThat(new AibotAcks.Refused(45009).isTransient()).isTrue();
        assertThat(new AibotAcks.Refused(AibotAcks.NO_ACK).isTransient()).isTrue();
        assertThat(new AibotAcks.Refused(846608).isTransient()).isFalse();
    }

    @Test
    void aPushWithoutAckWithinTheTimeoutIsNotCountedAsSent(CapturedOutput output) {
        String chat = unique("wr_lost_");
        OutboundMessage notice = OutboundMessage.toGroup(chat, "🔍 故障单 #3 自动诊断").withDedupKey(unique("diag-"));
        socket.loseNext("aibot_send_msg");
        long started = System.nanoTime();
        assertThat(chatSender.send(notice)).as("a push WeCom never acked is not sent").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(AibotAcks.TIMEOUT);
        assertThat(output.getAll()).contains("no ack within").contains(chat);

        assertThat(chatSender.send(notice)).isTrue();
        exactly(1, chat, "aibot-push");
    }
}
