package cn.ebillops.inspection.chat;

import cn.ebillops.assistant.nlu.Entities;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.Assistant;
import cn.ebillops.assistant.HandleResult;
import cn.ebillops.assistant.Turn;
import cn.ebillops.channel.InboundMessage;
import cn.ebillops.channel.Reply;
import cn.ebillops.config.BotConfig;
import cn.ebillops.infra.KeyValueStore;
import cn.ebillops.inspection.CheckRegistry;
import cn.ebillops.inspection.InspectionCompleted;
import cn.ebillops.inspection.InspectionScope;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole path in the real application: chat → inspection → stored run → event → Word report over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InspectionChatFlowTest {

    /**
     * Collects InspectionCompleted from any thread: requested inspections run on the guard's own
     * thread, which Spring's thread-bound ApplicationEvents would not see.
     */
    @TestConfiguration
    static class CompletedRuns {
        final List<InspectionCompleted> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(InspectionCompleted e) {
            events.add(e);
        }
    }

    static final Path CONFIG = configDir();

    static Path configDir() {
        try {
            Path dir = cn.ebillops.testsupport.BotConfigCopy.withoutTargets();
            Path data = Files.createDirectories(dir.resolve("backups"));
            // written an hour ago by the application's clock, not by the file system's
            Files.setLastModifiedTime(Files.writeString(data.resolve("ebill.dmp"), "dump"),
                    java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofHours(1))));
            Files.writeString(dir.resolve("targets.yaml"), """
                    targets:
                      - {name: 本机磁盘, kind: disk, paths: [/], timeout: 5s}
                      - {name: 备份, kind: backup, directory: "%s", timeout: 5s}
                      - {name: 缺失的备份, kind: backup, directory: "%s/none", timeout: 5s}
                    """.formatted(data, data));
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("ebillops.config-dir", CONFIG::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    Assistant assistant;
    @Autowired
    InspectionRequestHandler naturalRequests;
    @Autowired
    BotConfig config;
    @Autowired
    KeyValueStore kv;
    @Autowired
    CheckRegistry registry;
    @Autowired
    CompletedRuns completed;

    @BeforeEach
    void forgetEarlierRuns() {
        completed.events.clear();
    }

    private Reply say(String userId, String text) {
        HandleResult r = assistant.handle(new InboundMessage("console", "wr_it", userId, text,
                UUID.randomUUID().toString(), Instant.now()));
        return r.replies().get(0);
    }

    @Test
    void inspectCommandAnswersWithProblemsFirstAndAWorkingReportLink() throws Exception {
        assertThat(registry.all()).hasSize(3);
        Reply reply = say("chenxia", "/inspect backup");
        assertThat(reply.markdown()).contains("巡检完成").contains("【异常】数据备份（备份目录）（缺失的备份）")
                .contains("异常 1").contains("正常 1").doesNotContain("服务器磁盘");
        assertThat(reply.links()).hasSize(2).allSatisfy(l -> assertThat(l.url()).contains(".docx?expires="));
        assertThat(completed.events).hasSize(1);

        long id = completed.events.get(0).run().id();
        // the link in chat is signed and expires (ReportLinkSignerTest); it is what staff click
        URI link = URI.create(reply.links().get(0).url());
        assertThat(link.getPath()).endsWith("/" + id + ".docx");
        assertThat(link.getQuery()).matches("expires=\\d+&sig=[\\w-]+");
        HttpResponse<byte[]> docx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:%d%s?%s".formatted(port, link.getRawPath(), link.getRawQuery())))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type")).get().asString().contains("wordprocessingml");
        assertThat(docx.body()).startsWith('P', 'K');
        // the improvement report (priority, owner, deadline per suggestion) is linked next to it, signed too
        URI improvement = URI.create(reply.links().get(1).url());
        assertThat(reply.links().get(1).title()).contains("优先级、负责人、完成期限");
        assertThat(improvement.getPath()).endsWith("/" + id + "/improvement.docx");
        HttpResponse<byte[]> plan = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:%d%s?%s".formatted(port, improvement.getRawPath(), improvement.getRawQuery())))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(plan.statusCode()).isEqualTo(200);
        assertThat(plan.body()).startsWith('P', 'K');

        // counting ids opens nothing: without the link's signature the next id is refused, not looked up
        HttpResponse<String> counted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:%d/api/reports/inspections/%d.docx".formatted(port, id + 1)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(counted.statusCode()).isEqualTo(403);
        assertThat(counted.body()).contains("link_invalid");
    }

    @Test
    void unknownScopeGetsUsage() {
        assertThat(say("zhanggong", "/inspect everything").markdown()).contains("不认识的巡检范围").contains("/inspect [");
    }

    @Test
    void naturalRequestNamingDisksNarrowsTheScopeAndPlainRequestRunsEverything() {
        Turn turn = new Turn(new InboundMessage("console", "wr_it", "liufang", "帮忙看看服务器磁盘", "m1", Instant.now()),
                config.person("liufang"), Optional.empty(), "帮忙看看服务器磁盘", Entities.NONE);
        String disk = naturalRequests.handle(turn, null).markdown();
        // the request itself says 服务器磁盘: the run's heading must name only that scope and its one check
        // (of the three configured), not merely repeat the words
        assertThat(disk).containsPattern("^\\*\\*巡检完成\\*\\*（第 \\d+ 次，服务器磁盘，1 项，用时 ");
        assertThat(ScopeWords.fromText("帮忙巡检一下")).isEmpty();
        assertThat(ScopeWords.fromText("看下数据库表空间和备份")).containsExactlyInAnyOrder(InspectionScope.DB, InspectionScope.BACKUP);
    }

    @Test
    void onlyOneChatInspectionRunsAtATime() {
        assertThat(kv.tryLock("inspection:chat-run", "someone-else", Duration.ofMinutes(1))).isTrue();
        try {
            assertThat(say("zhanggong", "/inspect disk").markdown()).contains("已有一次巡检正在进行");
        } finally {
            kv.unlock("inspection:chat-run", "someone-else");
        }
    }
}
