package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.ebillops.assistant.Assistant;
import cn.ebillops.channel.InboundMessage;
import cn.ebillops.sandbox.wecom.WecomStandIn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An acknowledged message survives a crash: the inbox keeps it until the answer went out, and the
 * sweep answers what a stopped instance left, once, without opening a second incident.
 */
class WecomInboxTest extends WecomStandInTestBase {

    @Autowired WecomInbox inbox;
    @Autowired WecomInboxSweeper sweeper;
    @Autowired Assistant assistant;
    @Autowired JdbcClient jdbc;

    private static InboundMessage message(String userId, String text) {
        return new InboundMessage("wecom-aibot", "wr_cashier", userId, text, unique("msg-"), Instant.now());
    }

    private List<String> answersMentioning(String userId) {
        return standIn.received("wr_cashier", "robot").stream().map(WecomStandIn.Received::text)
                .filter(t -> t.contains("<@" + userId + ">")).toList();
    }

    private long incidents() {
        return jdbc.sql("select count(*) from incident").query(Long.class).single();
    }

    private long pending(InboundMessage m) {
        return jdbc.sql("select count(*) from wecom_inbox where channel = ? and message_id = ?")
                .params(m.channel(), m.messageId()).query(Long.class).single();
    }

    @Test
    void aMessageAcknowledgedButNeverProcessedIsAnsweredLateOnce() {
        String user = unique("u");
        InboundMessage m = message(user, "@助手 /help");
        assertThat(inbox.accept(m)).isPresent(); // acknowledged, then the instance died

        assertThat(sweeper.sweep(Instant.now().plusSeconds(1))).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> answersMentioning(user).size() == 1);
        assertThat(answersMentioning(user).get(0)).contains("补答").contains("/inspect");
        assertThat(pending(m)).isZero();

        sweeper.sweep(Instant.now().plusSeconds(1)); // the row is gone: nothing to answer again
        settle();
        assertThat(answersMentioning(user)).as("answered once, also after a second sweep").hasSize(1);
    }

    @Test
    void aFaultReportInterruptedAfterItsIncidentOpenedDoesNotOpenASecondOne() {
        String user = unique("u");
        InboundMessage m = message(user, "@助手 开票失败");
        inbox.accept(m);
        assistant.handle(m); // the incident is opened, then the instance died before answering
        long before = incidents();

        sweeper.sweep(Instant.now().plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> answersMentioning(user).size() == 1);
        assertThat(answersMentioning(user).get(0)).contains("补答").contains("故障单");
        assertThat(incidents()).isEqualTo(before);
        assertThat(pending(m)).isZero();
    }

    @Test
    void aRetryOfAMessageStillPendingIsNotKeptTwice() {
        InboundMessage m = message(unique("u"), "@助手 开票失败");
        assertThat(inbox.accept(m)).isPresent();
        assertThat(inbox.accept(m)).isEmpty();
        assertThat(pending(m)).isEqualTo(1);
        inbox.stale(Instant.now().plusSeconds(1), 1000).stream().filter(p -> p.message().messageId().equals(m.messageId()))
                .forEach(p -> inbox.done(p.id()));
    }

    @Test
    void aMessageThatKeepsFailingIsGivenUpWithAnApologyNotDroppedSilently() {
        String user = unique("u");
        InboundMessage m = message(user, "@助手 /help");
        inbox.accept(m);
        jdbc.sql("update wecom_inbox set attempts = ? where message_id = ?")
                .params(WecomInboxSweeper.MAX_ATTEMPTS, m.messageId()).update();

        sweeper.sweep(Instant.now().plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> answersMentioning(user).size() == 1);
        assertThat(answersMentioning(user).get(0)).contains("没能处理").contains("重新发送");
        assertThat(pending(m)).isZero();
    }

    @Test
    void aCallbackLeavesNoInboxRowOnceAnswered() {
        String chat = unique("wr_inbox_");
        String msgId = unique("msg-");
        driver.postAibot(driver.aibotText(chat, "chenxia", FAULT, msgId));
        exactly(1, chat, "response_url");
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql(
                "select count(*) from wecom_inbox where message_id = ?").param(msgId).query(Long.class).single() == 0);
    }

    @Test
    void anAnswerComputedBeforeTheStopIsSentAgainAsItWasNotComputedTwice() {
        String user = unique("u");
        InboundMessage m = message(user, "@助手 开票失败");
        long row = inbox.accept(m).orElseThrow();
        inbox.answered(row, "已收到，已建 **故障单 #77**。"); // computed, then the instance died before it went out
        long before = incidents();

        sweeper.sweep(Instant.now().plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> answersMentioning(user).size() == 1);
        assertThat(answersMentioning(user).get(0)).contains("补发").contains("故障单 #77");
        assertThat(incidents()).as("the message is not handled a second time").isEqualTo(before);
        assertThat(pending(m)).isZero();
    }

    @Test
    void aRetryOfAnAnsweredMessageIsRecognisedFromTheDatabaseNotFromMemory() {
        InboundMessage m = message(unique("u"), "@助手 开票失败");
        assertThat(assistant.handle(m).duplicate()).isFalse();
        // what a restart keeps: the row in kv_entry, not any in-process state
        assertThat(jdbc.sql("select count(*) from kv_entry where k = ?").param("msg:" + m.channel() + ":" + m.messageId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(assistant.handle(m).duplicate()).isTrue();
    }

    @Test
    void anAnswerKeptBeforeTheStopGoesToItsOneUseResponseUrlWhichWeComRefusesIfItWasAlreadyUsed() {
        String user = unique("u");
        String unusedId = standIn.newResponseUrlId("wr_cashier");
        InboundMessage notDelivered = message(user, "@助手 开票失败");
        long row = inbox.accept(notDelivered, driver.base() + "/sandbox/wecom/response/" + unusedId).orElseThrow();
        inbox.answered(row, "已收到，已建 **故障单 #78**。");

        String usedId = standIn.newResponseUrlId("wr_cashier");
        assertThat(standIn.useResponseUrl(usedId, "已收到，已建 **故障单 #79**。")).isZero(); // delivered before the stop
        InboundMessage delivered = message(user, "@助手 签名失败");
        long row2 = inbox.accept(delivered, driver.base() + "/sandbox/wecom/response/" + usedId).orElseThrow();
        inbox.answered(row2, "已收到，已建 **故障单 #79**。");

        sweeper.sweep(Instant.now().plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> pending(notDelivered) + pending(delivered) == 0);
        settle();
        List<String> answers = standIn.received("wr_cashier", "response_url").stream().map(WecomStandIn.Received::text)
                .filter(t -> t.contains("#78") || t.contains("#79")).toList();
        assertThat(answers).as("each answer exactly once, on its response_url").containsExactlyInAnyOrder(
                "已收到，已建 **故障单 #78**。", "已收到，已建 **故障单 #79**。");
        assertThat(answersMentioning(user)).as("nothing sent around the response_url").isEmpty();
    }
}
