package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.channel.Attachment;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.infra.KeyValueStore;
import cn.ebillops.infra.RetryPolicy;
import cn.ebillops.sandbox.wecom.StandInMedia;
import cn.ebillops.sandbox.wecom.WecomStandIn;
import cn.ebillops.wording.Wording;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;

/** A file in the group robot's durable outbox: after its text, alone, exactly once across a restart. */
class RobotFileOutboxTest extends ControlledClockTestBase {

    @Autowired StandInMedia media;
    @Autowired RobotRateLimiter limiter;
    @Autowired WecomEndpoints endpoints;
    @Autowired WecomHttp http;
    @Autowired KeyValueStore store;
    @Autowired WecomProperties props;
    @Autowired RetryPolicy retry;
    @Autowired TaskScheduler scheduler;
    @Autowired RobotFileSender fileSender;
    @Autowired JdbcClient jdbc;

    private void drain(RobotDispatcher d, String chat) {
        for (int i = 0; i < 100 && outbox.pending(chat) > 0; i++) {
            clock.advance(Duration.ofSeconds(5));
            d.dispatchOnce();
        }
        assertThat(outbox.pending(chat)).isZero();
    }

    @Test
    void aFileQueuedBeforeARestartIsSentOnceAfterItsTextAndNeverMergedIntoASummary() {
        String chat = "wr_file";
        byte[] docx = "PK\u0003\u0004 the Word report of run 7".getBytes();
        OutboundMessage notice = OutboundMessage.toGroup(chat, "季度巡检〔A〕 报告：[下载](https://x/7.docx)")
                .withAttachments(List.of(new Attachment("巡检报告-7.docx", docx))).withDedupKey("quarterly/7/" + chat);
        chatSender.send(notice);
        chatSender.send(OutboundMessage.toGroup(chat, "另一条通知〔B〕").withDedupKey("other/" + chat));

        // the first pass: the text goes, the upload fails for now (WeCom busy) and the file waits in the outbox
        media.refuseNextUpload(-1);
        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchOnce();
        assertThat(media.files(chat)).isEmpty();
        assertThat(jdbc.sql("select count(*) from wecom_robot_outbox where chat_id = ? and file_content is not null")
                .param(chat).query(Long.class).single()).as("the file's bytes kept in the database").isEqualTo(1);

        // a restart: a new dispatcher over the same database, and the notice's caller sends it again
        RobotDispatcher restarted = new RobotDispatcher(outbox, limiter, endpoints, http, store, props, retry,
                scheduler, clock, Wording.defaults(), fileSender);
        chatSender.send(notice);
        drain(restarted, chat);
        dispatcher.dispatchOnce();

        assertThat(media.files(chat)).singleElement().satisfies(f -> {
            assertThat(f.fileName()).isEqualTo("巡检报告-7.docx");
            assertThat(f.content()).isEqualTo(docx);
        });
        List<String> texts = standIn.received(chat, "robot").stream().map(WecomStandIn.Received::text).toList();
        assertThat(texts).as("text, then the file alone, then the next notice")
                .containsExactly("季度巡检〔A〕 报告：[下载](https://x/7.docx)", "[文件] 巡检报告-7.docx", "另一条通知〔B〕");
        assertThat(jdbc.sql("select count(*) from wecom_robot_outbox where chat_id = ? and file_content is not null")
                .param(chat).query(Long.class).single()).as("the bytes go once sent").isZero();
    }
}
