package cn.ebillops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.ebillops.infra.InfraConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What a new user sees after scripts/run.sh: the demo profile with its stand-ins, driven through
 * the console API as the hospital's people would, from "开票失败" to a resolved incident. It runs
 * on the embedded default exactly as shipped (H2 file database, in-process state); every other
 * application test runs on PostgreSQL and Redis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ebillops.test.database=h2", "ebillops.test.redis=false"})
@ActiveProfiles("demo")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Import(DemoFlowIT.FixedDate.class)
class DemoFlowIT {

    /** The day the flow runs on, whatever today is; the clock still ticks, so waits and deadlines behave. */
    static final Instant DAY = Instant.parse("2026-12-04T02:00:00Z"); // 10:00 Beijing time

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedDate {
        @Bean
        @Primary
        Clock fixedDateClock() {
            return Clock.offset(Clock.system(InfraConfig.ZONE), Duration.between(Instant.now(), DAY));
        }
    }

    private static final Pattern INCIDENT = Pattern.compile("#(\\d+)");
    static String incident;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private String say(String chatId, String userId, String text) throws Exception {
        String body = json.writeValueAsString(java.util.Map.of("chatId", chatId, "userId", userId, "text", text,
                "messageId", UUID.randomUUID().toString()));
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/console/messages"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(200);
        return json.readTree(res.body()).get("replies").get(0).get("markdown").asString();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits for a message in the chat's transcript containing {@code text} (posted later, on its own). */
    private String awaitInChat(String chatId, String text) {
        return await("a message containing '" + text + "' in " + chatId).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptionsInstanceOf(java.io.IOException.class)
                .until(() -> transcriptLine(chatId, text), Optional::isPresent).orElseThrow();
    }

    private Optional<String> transcriptLine(String chatId, String text) throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(
                URI.create(base() + "/api/console/chats/" + chatId + "/messages?after=0"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode line : json.readTree(res.body())) {
            if (line.get("text").asString().contains(text)) {
                return Optional.of(line.get("text").asString());
            }
        }
        return Optional.empty();
    }

    @Test
    @Order(1)
    void cashiersFaultReportOpensAnIncidentAndTheDiagnosisFollows() throws Exception {
        String answer = say("wr_cashier", "chenxia", "@运维助手 开票失败");
        assertThat(answer).contains("II级").contains("票据开具");
        Matcher m = INCIDENT.matcher(answer);
        assertThat(m.find()).as("incident number in: %s", answer).isTrue();
        incident = m.group(1);

        String diagnosis = awaitInChat("wr_cashier", "故障单 #" + incident + " 自动诊断");
        assertThat(diagnosis).contains("签名");
    }

    @Test
    @Order(2)
    void staffCannotCloseButTheEngineerWorksTheIncident() throws Exception {
        assertThat(say("wr_cashier", "chenxia", "/close " + incident)).doesNotContain("已关闭")
                .contains("只有运维工程师或管理员可以关闭故障单。您的身份是医院职工，故障单未做更改");
        assertThat(say("wr_cashier", "zhanggong", "/ack " + incident)).contains("#" + incident);
        assertThat(say("wr_cashier", "zhanggong", "/resolve " + incident + " 重启签名服务后恢复"))
                .contains("#" + incident);
        assertThat(say("wr_cashier", "zhanggong", "/incident " + incident)).contains("重启签名服务后恢复");
    }

    @Test
    @Order(3)
    void engineerInspectsAndDownloadsTheWordReport() throws Exception {
        String summary = say("wr_it", "zhanggong", "/inspect");
        // the link is signed and expires (ReportLinkSignerTest): its query belongs to it
        Matcher link = Pattern.compile("(http://\\S+?/api/reports/inspections/\\d+\\.docx\\?expires=\\d+&sig=[\\w-]+)")
                .matcher(summary);
        assertThat(link.find()).as("report link in: %s", summary).isTrue();
        URI signed = URI.create(link.group(1));
        HttpResponse<byte[]> docx = http.send(HttpRequest.newBuilder(
                        URI.create(base() + signed.getRawPath() + "?" + signed.getRawQuery()))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(docx.statusCode()).isEqualTo(200);
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx.body()));
             var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            // a full inspection report: every contract item, and this quarter's fault statistics
            // (the incident opened above is counted)
            assertThat(text.getText()).contains("梅州市中医医院").contains("一.12").contains("二.3")
                    .contains("六、故障处理与系统正常运转时间").contains("故障处理统计");
        }
    }

    @Test
    @Order(4)
    void staffQuestionsAreAnsweredInChinese() throws Exception {
        // both engineers are named (one on duty, one backing up): the answer must say which is which.
        // 4 December 2026 is in week 47 after the roster's anchor (5 January, zhanggong): ligong's week
        assertThat(say("wr_cashier", "liufang", "今晚谁值班"))
                .contains("> 值班工程师：李工（电话 13800138002）\n> 备岗工程师：张工（电话 13800138001）");
        // the next 国庆 is in 2027, whose calendar the fixtures do not have: the assistant must not guess
        assertThat(say("wr_cashier", "liufang", "国庆谁值班")).contains("2027").contains("尚未配置");
        // the question itself says 冲红: the answer must be the knowledge entry's steps
        assertThat(say("wr_cashier", "liufang", "电子票据冲红怎么操作")).startsWith("**电子票据冲红（红冲）**")
                .contains("1. ");
        assertThat(say("wr_cashier", "liufang", "现在系统正常吗")).startsWith("**系统状态**（")
                .contains("> 关键功能").contains("未关闭故障单");
        assertThat(say("wr_cashier", "liufang", "/help")).contains("/inspect").contains("/ack").contains("/duty");
    }
}
