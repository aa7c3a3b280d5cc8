package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.ebillops.channel.Attachment;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.sandbox.wecom.StandInMedia;
import cn.ebillops.sandbox.wecom.WecomStandIn;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Reports as files in the chat (issue 15, item 4), against the stand-in: the answer's text keeps the
 * signed link, and the Word report follows as a file message, by the group robot for a group with a
 * webhook and by the AI bot's chunked upload on the long connection otherwise; what WeCom would not take
 * leaves the link alone, with a WARN.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReportFileTest extends WecomStandInTestBase {

    private static final Pattern LINK = Pattern.compile("/api/reports/inspections/(\\d+)\\.docx\\?");

    @Autowired StandInMedia media;

    @BeforeEach
    void holdingTheConnection() {
        await().atMost(Duration.ofSeconds(15)).until(aibot::isSubscribed);
    }

    private static long runIdIn(String text) {
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as("the answer links to the Word report: %s", text).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static void isTheWordReport(byte[] docx) throws Exception {
        assertThat(docx).startsWith('P', 'K', 3, 4); // a zip: what a .docx is
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("巡检");
        }
    }

    private String inspect(String chat) {
        String user = "chenxia";
        assertThat(socket.userMessage(chat, "group", user, "@助手 /inspect", unique("inspect-"))).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> standIn.received(chat, "aibot").stream()
                .anyMatch(r -> r.text().contains("/api/reports/inspections/")));
        return standIn.received(chat, "aibot").stream().map(WecomStandIn.Received::text)
                .filter(t -> t.contains("/api/reports/inspections/")).findFirst().orElseThrow();
    }

    @Test
    void inspectInAGroupWithARobotWebhookPostsTheLinkThenTheWordReportAsAFile() throws Exception {
        String answer = inspect("wr_cashier");
        long run = runIdIn(answer);
        await().atMost(Duration.ofSeconds(20)).until(() -> media.files("wr_cashier").stream()
                .anyMatch(f -> f.fileName().equals("巡检报告-" + run + ".docx")));
        StandInMedia.FileReceived file = media.files("wr_cashier").stream()
                .filter(f -> f.fileName().equals("巡检报告-" + run + ".docx")).findFirst().orElseThrow();
        assertThat(file.route()).isEqualTo("robot-file");
        isTheWordReport(file.content());
        // the file message comes after the text that links to it
        long textSeq = standIn.received("wr_cashier").stream().filter(r -> r.text().equals(answer)).findFirst()
                .orElseThrow().seq();
        long fileSeq = standIn.received("wr_cashier", "robot").stream()
                .filter(r -> r.text().equals("[文件] 巡检报告-" + run + ".docx")).findFirst().orElseThrow().seq();
        assertThat(fileSeq).isGreaterThan(textSeq);
        settle();
        assertThat(media.files("wr_cashier").stream().filter(f -> f.fileName().equals(file.fileName())))
                .as("sent once").hasSize(1);
    }

    @Test
    void inspectOnTheLongConnectionInAGroupWithoutWebhookUploadsTheReportAndPushesItAsAFile() throws Exception {
        String chat = unique("wr_file_");
        long run = runIdIn(inspect(chat));
        await().atMost(Duration.ofSeconds(20)).until(() -> !media.files(chat).isEmpty());
        StandInMedia.FileReceived file = media.files(chat).get(0);
        assertThat(file.route()).isEqualTo("aibot-file");
        assertThat(file.fileName()).isEqualTo("巡检报告-" + run + ".docx");
        isTheWordReport(file.content());
        assertThat(standIn.received(chat, "robot")).isEmpty();
    }

    @Test
    void aFileOverOneChunkGoesUpInOrderedChunksOfAtMost512KbAndArrivesWhole() {
        String chat = unique("wr_big_");
        byte[] big = new byte[1_300_000]; // three chunks: 512 KB, 512 KB, the rest
        new Random(15).nextBytes(big);
        int before = media.uploadFrames().size();
        assertThat(chatSender.send(OutboundMessage.toGroup(chat, "报告见附件，或 [下载](https://x/1.docx)")
                .withAttachments(List.of(new Attachment("巡检报告-9.docx", big))).withDedupKey(unique("big-")))).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> !media.files(chat).isEmpty());
        assertThat(media.files(chat).get(0).content()).isEqualTo(big); // the stand-in checked size and md5
        List<StandInMedia.Frame> frames = media.uploadFrames().subList(before, media.uploadFrames().size());
        assertThat(frames).extracting(StandInMedia.Frame::cmd).containsExactly("aibot_upload_media_init",
                "aibot_upload_media_chunk", "aibot_upload_media_chunk", "aibot_upload_media_chunk",
                "aibot_upload_media_finish");
        assertThat(frames.subList(1, 4)).extracting(StandInMedia.Frame::chunkIndex).containsExactly(0, 1, 2);
        assertThat(frames.subList(1, 4)).allSatisfy(f -> assertThat(f.bytes()).isLessThanOrEqualTo(512 * 1024));
        assertThat(standIn.received(chat, "aibot-push")).extracting(WecomStandIn.Received::text)
                .containsExactly("报告见附件，或 [下载](https://x/1.docx)");
    }

    @Test
    void anUploadTheAiBotRefusesLeavesTheLinkAndSaysSo(CapturedOutput output) {
        String chat = unique("wr_refused_");
        media.refuseNextUpload(40004);
        chatSender.send(OutboundMessage.toGroup(chat, "巡检报告：[下载](https://x/2.docx)")
                .withAttachments(List.of(new Attachment("巡检报告-2.docx", "PK docx".getBytes()))));
        exactly(1, chat, "aibot-push");
        assertThat(media.files(chat)).isEmpty();
        assertThat(output.getAll()).contains("报告文件 巡检报告-2.docx 未能经智能机器人长连接发送到 " + chat + "：errcode 40004");
    }

    @Test
    void anUploadTheGroupRobotRefusesLeavesTheLinkAndSaysSo(CapturedOutput output) {
        String text = unique("巡检报告：[下载](https://x/3.docx) ");
        media.refuseNextUpload(40004);
        chatSender.send(OutboundMessage.toGroup("wr_cashier", text)
                .withAttachments(List.of(new Attachment("巡检报告-3.docx", "PK docx".getBytes()))));
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains("errcode 40004"));
        settle();
        assertThat(standIn.received("wr_cashier", "robot")).anyMatch(r -> r.text().equals(text));
        assertThat(media.files("wr_cashier")).noneMatch(f -> f.fileName().equals("巡检报告-3.docx"));
        assertThat(output.getAll()).contains("报告文件 巡检报告-3.docx 未能经群机器人发送到 wr_cashier：errcode 40004");
    }

    @Test
    void aFileOver20MbIsNotUploadedAndTheGroupHasTheLink(CapturedOutput output) {
        String chat = unique("wr_huge_");
        int before = media.uploadFrames().size();
        chatSender.send(OutboundMessage.toGroup(chat, "巡检报告：[下载](https://x/4.docx)")
                .withAttachments(List.of(new Attachment("巡检报告-4.docx", new byte[20 * 1024 * 1024 + 1]))));
        exactly(1, chat, "aibot-push");
        assertThat(media.files(chat)).isEmpty();
        assertThat(media.uploadFrames()).hasSize(before);
        assertThat(output.getAll()).contains("报告文件 巡检报告-4.docx（20971521 字节）不在企业微信文件");
    }
}
