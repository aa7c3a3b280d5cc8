package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.infra.InMemoryKeyValueStore;
import cn.ebillops.infra.KeyValueStore;
import cn.ebillops.infra.RetryPolicy;
import cn.ebillops.sandbox.wecom.WecomStandIn;
import cn.ebillops.wording.Wording;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;

/** Group robot notices: the 20-a-minute limit, merging, splitting, retries and the outbox. */
@ExtendWith(OutputCaptureExtension.class)
class RobotNoticeTest extends ControlledClockTestBase {

    @Autowired RobotRateLimiter limiter;
    @Autowired WecomEndpoints endpoints;
    @Autowired WecomHttp http;
    @Autowired KeyValueStore store;
    @Autowired WecomProperties props;
    @Autowired RetryPolicy retry;
    @Autowired TaskScheduler scheduler;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired RobotFileSender fileSender;

    private void drain(RobotDispatcher d, String chat) {
        for (int i = 0; i < 500 && outbox.pending(chat) > 0; i++) {
            clock.advance(Duration.ofSeconds(5));
            d.dispatchOnce();
        }
        assertThat(outbox.pending(chat)).isZero();
    }

    private static long occurrences(List<WecomStandIn.Received> received, String marker) {
        return received.stream().mapToLong(r -> r.text().split(java.util.regex.Pattern.quote(marker), -1).length - 1).sum();
    }

    @Test
    void burstOf100NoticesIsAllDeliveredOnceAndNeverOver20AMinute() {
        String chat = "wr_burst";
        for (int i = 1; i <= 100; i++) {
            chatSender.send(OutboundMessage.toGroup(chat, "巡检通知〔" + i + "〕 检查项正常").withDedupKey("burst-" + i));
            clock.advance(Duration.ofMillis(300));
            dispatcher.dispatchOnce();
        }
        // the same notice again (a retry, a second instance) is refused by its dedup key
        chatSender.send(OutboundMessage.toGroup(chat, "巡检通知〔1〕 检查项正常").withDedupKey("burst-1"));
        drain(dispatcher, chat);

        List<WecomStandIn.Received> got = standIn.received(chat, "robot");
        for (int i = 1; i <= 100; i++) {
            assertThat(occurrences(got, "〔" + i + "〕")).as("notice %d delivered exactly once", i).isEqualTo(1);
        }
        for (WecomStandIn.Received r : got) {
            long inWindow = got.stream().filter(q -> !q.at().isAfter(r.at()) && q.at().isAfter(r.at().minusSeconds(60)))
                    .count();
            assertThat(inWindow).as("messages in the minute up to %s", r.at()).isLessThanOrEqualTo(20);
        }
        assertThat(standIn.robotRefusals()).isZero();
        assertThat(got.size()).as("the burst was merged into summaries").isLessThan(100).isGreaterThanOrEqualTo(20);
        assertThat(got).anySatisfy(r -> assertThat(r.text()).startsWith("**汇总通知"));
        assertFlatAndComplete(chat, got, 100);
    }

    private static final Pattern HEADER = Pattern.compile("^\\*\\*汇总通知（共 (\\d+) 条）\\*\\*");
    private static final Pattern ITEM = Pattern.compile("\n\n(\\d+)\\. ");
    private static final Pattern MARKER = Pattern.compile("〔(\\d+)〕");
    private static final Pattern LEFT_OUT = Pattern.compile("\n\n> 另有 (\\d+) 条通知未列入本条，见随后的消息$");

    /**
     * Every delivered message is a notice or a one-level summary whose count is the number of
     * notices it lists; notices 1..n arrive each exactly once, in the order they were queued; a
     * summary that left notices out says how many, and they are the ones still to come; in the
     * outbox every notice was sent alone or in a summary that was sent.
     */
    private void assertFlatAndComplete(String chat, List<WecomStandIn.Received> got, int n) {
        List<Integer> delivered = new ArrayList<>();
        int summaries = 0;
        for (WecomStandIn.Received r : got) {
            String text = r.text();
            assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
            List<Integer> markers = MARKER.matcher(text).results().map(m -> Integer.parseInt(m.group(1))).toList();
            Matcher header = HEADER.matcher(text);
            if (!header.find()) {
                assertThat(text).doesNotContain("汇总通知");
                assertThat(markers).as("a notice sent alone: %s", text).hasSize(1);
            } else {
                summaries++;
                assertThat(occurrences(List.of(r), "汇总通知")).as("no summary inside a summary: %s", text).isEqualTo(1);
                int count = Integer.parseInt(header.group(1));
                List<Integer> items = ITEM.matcher(text).results().map(m -> Integer.parseInt(m.group(1))).toList();
                assertThat(items).as("items numbered 1..%d", count)
                        .isEqualTo(java.util.stream.IntStream.rangeClosed(1, count).boxed().toList());
                assertThat(markers).as("the count is the number of notices listed: %s", text).hasSize(count);
                Matcher leftOut = LEFT_OUT.matcher(text);
                if (leftOut.find()) {
                    assertThat(Integer.parseInt(leftOut.group(1))).as("left out: at most those still to come")
                            .isPositive().isLessThanOrEqualTo(n - delivered.size() - count);
                }
            }
            delivered.addAll(markers);
        }
        assertThat(delivered).as("every notice once, in queue order")
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, n).boxed().toList());
        assertThat(summaries).isPositive();
        assertThat(jdbc.sql("""
                select count(*) from wecom_robot_outbox o where o.chat_id = ? and o.originals = 0
                  and (o.status = 'SENT' or exists (select 1 from wecom_robot_outbox s
                                                    where s.id = o.merged_into and s.status = 'SENT'))""")
                .param(chat).query(Long.class).single()).as("notices delivered alone or in a sent summary").isEqualTo(n);
        assertThat(jdbc.sql("""
                select coalesce(sum(originals), 0) from wecom_robot_outbox
                where chat_id = ? and status = 'SENT' and originals > 0""")
                .param(chat).query(Long.class).single() + jdbc.sql("""
                select count(*) from wecom_robot_outbox where chat_id = ? and status = 'SENT' and originals = 0""")
                .param(chat).query(Long.class).single()).as("the sent counts add up").isEqualTo(n);
    }

    @Test
    void noticesQueuedDuringATwoMinuteOutageArriveInFlatSummariesEachOnceInQueueOrder() {
        String chat = "wr_flat";
        Instant outageEnds = clock.instant().plus(Duration.ofMinutes(2));
        standIn.failWebhooksUntil(outageEnds);
        // the dispatcher's pass every second, a notice every 4 seconds: 30 notices while the robot is down
        for (int second = 0; second < 120; second++) {
            if (second % 4 == 0) {
                int i = second / 4 + 1;
                chatSender.send(OutboundMessage.toGroup(chat, "故障通知〔" + i + "〕 开票接口响应超时，已建单")
                        .withDedupKey("flat-" + i));
            }
            clock.advance(Duration.ofSeconds(1));
            assertThat(dispatcher.dispatchOnce()).as("the robot is down").isZero();
        }
        assertThat(standIn.webhookOutageRefusals()).as("the outage held notices back").isGreaterThan(3);
        assertThat(clock.instant()).isAfterOrEqualTo(outageEnds);
        // the same notices again (a retry of the caller) are refused by their dedup keys
        chatSender.send(OutboundMessage.toGroup(chat, "故障通知〔7〕 开票接口响应超时，已建单").withDedupKey("flat-7"));
        drain(dispatcher, chat);

        List<WecomStandIn.Received> got = standIn.received(chat, "robot");
        assertFlatAndComplete(chat, got, 30);
        assertThat(got).as("all 30 fit in one summary").singleElement()
                .satisfies(r -> assertThat(r.text()).startsWith("**汇总通知（共 30 条）**"));
    }

    @Test
    void aSummaryLongerThanOneMessageListsWhatFitsAndSaysHowManyFollow() {
        String chat = "wr_flat_long";
        standIn.failWebhooksUntil(clock.instant().plus(Duration.ofMinutes(2)));
        String detail = "签名验签服务器响应超过 3 秒，电子票据开具排队，已通知值班工程师到场处理".repeat(4);
        for (int i = 1; i <= 30; i++) {
            chatSender.send(OutboundMessage.toGroup(chat, "故障通知〔" + i + "〕 " + detail).withDedupKey("flat-long-" + i));
            clock.advance(Duration.ofSeconds(4));
            assertThat(dispatcher.dispatchOnce()).isZero();
        }
        drain(dispatcher, chat);

        List<WecomStandIn.Received> got = standIn.received(chat, "robot");
        assertFlatAndComplete(chat, got, 30);
        assertThat(got).hasSizeGreaterThan(2);
        // all 30 waited when the first summary went out: each footer counts exactly those still to come
        int before = 0;
        for (WecomStandIn.Received r : got.subList(0, got.size() - 1)) {
            int listed = (int) MARKER.matcher(r.text()).results().count();
            before += listed;
            assertThat(r.text()).endsWith("\n\n> 另有 " + (30 - before) + " 条通知未列入本条，见随后的消息");
        }
        assertThat(got.get(got.size() - 1).text()).doesNotContain("另有");
    }

    @Test
    void busyAndRateLimitAnswersAreRetriedAfterThePolicysBackOff() {
        standIn.injectWebhookErrors(List.of(-1, 45009));
        chatSender.toGroup("wr_retry", "证书到期提醒");
        assertThat(dispatcher.dispatchOnce()).as("busy").isZero();
        clock.advance(retry.waitAfter(1));
        assertThat(dispatcher.dispatchOnce()).as("rate limit, the second failure").isZero();
        clock.advance(retry.waitAfter(2).minusMillis(1));
        assertThat(dispatcher.dispatchOnce()).as("still backing off").isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(dispatcher.dispatchOnce()).isEqualTo(1);
        assertThat(standIn.received("wr_retry", "robot")).extracting(WecomStandIn.Received::text)
                .containsExactly("证书到期提醒");
    }

    @Test
    void aNoticeTheRobotRefusesIsGivenUpAtOnceAndNamesTheGroup(CapturedOutput output) {
        standIn.injectWebhookErrors(List.of(93000));
        chatSender.toGroup("wr_retry", "巡检报告已生成");
        assertThat(dispatcher.dispatchOnce()).isZero();
        assertThat(outbox.pending("wr_retry")).as("not retried").isZero();
        clock.advance(Duration.ofMinutes(10));
        assertThat(dispatcher.dispatchOnce()).isZero();
        assertThat(standIn.received("wr_retry", "robot")).extracting(WecomStandIn.Received::text)
                .doesNotContain("巡检报告已生成");
        assertThat(output.getAll()).contains("群机器人拒绝通知（errcode 93000）").contains("wr_retry");
    }

    @Test
    void anOutageAndARestartLoseNoNoticeAndSendNoneTwice() {
        String chat = "wr_outage";
        standIn.injectWebhookErrors(List.of(-1, -1, -1));
        for (int i = 1; i <= 3; i++) {
            chatSender.toGroup(chat, "停机通知〔" + i + "〕");
        }
        for (int i = 0; i < 3; i++) {
            assertThat(dispatcher.dispatchOnce()).isZero();
            clock.advance(Duration.ofSeconds(20));
        }
        assertThat(outbox.pending(chat)).isPositive();
        // a restarted instance picks the outbox up from the database
        RobotDispatcher restarted = new RobotDispatcher(outbox, limiter, endpoints, http, store, props, retry,
                scheduler, clock, Wording.defaults(), fileSender);
        drain(restarted, chat);
        dispatcher.dispatchOnce();
        List<WecomStandIn.Received> got = standIn.received(chat, "robot");
        for (int i = 1; i <= 3; i++) {
            assertThat(occurrences(got, "〔" + i + "〕")).isEqualTo(1);
        }
    }

    @Test
    void aPassThatOutlivesItsLockStopsSoTheInstanceThatTookItOverSendsNothingTwice() {
        String chat = "wr_lock";
        KeyValueStore shared = new InMemoryKeyValueStore(clock);
        RobotRateLimiter sharedLimiter = new RobotRateLimiter(shared, props);
        RobotDispatcher other = new RobotDispatcher(outbox, sharedLimiter, endpoints, http, shared, props, retry,
                scheduler, clock, Wording.defaults(), fileSender);
        AtomicBoolean firstPart = new AtomicBoolean(true);
        // After this instance's first post the lock has expired (the posts took long); the other
        // instance's scheduler takes it and sends the parts not yet marked sent.
        RobotOutbox slowPosts = new RobotOutbox(jdbc, tx, clock) {
            @Override
            public void partSent(long id, int partsSent, int totalParts) {
                super.partSent(id, partsSent, totalParts);
                if (firstPart.getAndSet(false)) {
                    clock.advance(RobotDispatcher.LOCK_TTL.plusSeconds(1));
                    assertThat(other.dispatchOnce()).isEqualTo(totalParts - 1);
                }
            }
        };
        RobotDispatcher first = new RobotDispatcher(slowPosts, sharedLimiter, endpoints, http, shared, props, retry,
                scheduler, clock, Wording.defaults(), fileSender);
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            sb.append("〔").append(i).append("〕 电子票据开具接口响应超过 3 秒，已记录，请关注\n");
        }
        String text = sb.toString();
        chatSender.toGroup(chat, text);

        assertThat(first.dispatchOnce()).as("stops after its first part").isEqualTo(1);
        drain(other, chat);
        List<WecomStandIn.Received> got = standIn.received(chat, "robot");
        for (int i = 1; i <= 300; i++) {
            assertThat(occurrences(got, "〔" + i + "〕")).as("line %d sent exactly once", i).isEqualTo(1);
        }
        assertThat(String.join("", got.stream().map(WecomStandIn.Received::text).toList())).isEqualTo(text);
    }

    @Test
    void aGroupNoticeWithNeitherRobotNorLongConnectionIsLoggedByChatIdOnly(CapturedOutput output) {
        chatSender.toGroup("wr_nowhere", "患者张三 440101199001011234 的票据已重开");
        assertThat(output.getAll()).contains("群通知没有企业微信路线").contains("wr_nowhere")
                .doesNotContain("440101199001011234").doesNotContain("患者张三");
    }

    @Test
    void longMarkdownIsSplitAt4096BytesOnCharacterBoundaries() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 200; i++) {
            sb.append("第").append(i).append("项：签名验签服务器证书将于 30 天后到期，请及时更新 😀\n");
        }
        String text = sb.toString();
        chatSender.toGroup("wr_long", text);
        drain(dispatcher, "wr_long");
        List<WecomStandIn.Received> got = standIn.received("wr_long", "robot");
        assertThat(got).hasSizeGreaterThan(1);
        assertThat(got).allSatisfy(r -> assertThat(r.text().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(4096));
        assertThat(String.join("", got.stream().map(WecomStandIn.Received::text).toList())).isEqualTo(text);
    }
}
