package cn.ebillops.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.ConversationLog;
import cn.ebillops.testsupport.ConsoleLogin;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The console's REST API as a logged-in person uses it (the body's userId is ignored: see ConsoleLoginTest). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ConversationLog conversationLog;

    private final ObjectMapper json = new ObjectMapper();

    /** Posts as the person the body names, logged in as that person. */
    private HttpResponse<String> post(String body) {
        String userId = body.contains("\"userId\"") ? json.readTree(body).get("userId").asString() : "chenxia";
        return ConsoleLogin.as(port, userId).postJson("/api/console/messages", body);
    }

    @Test
    void helpListsEveryRegisteredCommand() throws Exception {
        HttpResponse<String> res = post("""
                {"chatId":"wr_cashier","userId":"zhanggong","text":"@运维助手 /help"}""");
        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(res.body());
        assertThat(body.get("duplicate").asBoolean()).isFalse();
        // "/help" alone would also match an echo of the question: every command must be listed
        assertThat(body.get("replies").get(0).get("markdown").asString()).startsWith("**可用命令**\n")
                .contains("`/help`", "`/status`", "`/duty ", "`/inspect ", "`/incident ", "`/ack ", "`/onsite ",
                        "`/remote ", "`/resolve ", "`/close ", "`/level ", "`/stats ", "`/maintenance ", "`/schedule ");
    }

    @Test
    void sessionEndsAfterThirtyIdleMinutesByDefault() {
        assertThat(ConsoleLogin.as(port, "chenxia").session().get("idleTimeoutSeconds").asLong()).isEqualTo(30 * 60);
    }

    @Test
    void sameMessageIdIsAnsweredOnce() throws Exception {
        String msg = """
                {"chatId":"wr_cashier","userId":"chenxia","text":"你好","messageId":"dup-1"}""";
        JsonNode first = json.readTree(post(msg).body());
        JsonNode second = json.readTree(post(msg).body());
        assertThat(first.get("replies")).hasSize(1);
        assertThat(second.get("duplicate").asBoolean()).isTrue();
        assertThat(second.get("replies")).isEmpty();
        assertThat(conversationLog.recent("wr_cashier", 50))
                .filteredOn(e -> e.direction() == ConversationLog.Direction.IN && e.text().equals("你好"))
                .hasSize(1);
    }

    @Test
    void unknownCommandGetsAGuideNotSilence() throws Exception {
        JsonNode body = json.readTree(post("""
                {"chatId":"wr_it","userId":"zhanggong","text":"/frobnicate"}""").body());
        assertThat(body.get("replies").get(0).get("markdown").asString()).contains("未知命令").contains("/help");
    }

    @Test
    void missingFieldsAreRefusedWithChineseMessage() throws Exception {
        HttpResponse<String> res = post("{\"chatId\":\"wr_it\"}");
        assertThat(res.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(res.body());
        assertThat(body.get("error").asString()).isEqualTo("bad_request");
        assertThat(body.get("message").asString()).contains("text");
    }

    @Test
    void oversizedTextIsRefused() throws Exception {
        HttpResponse<String> res = post("{\"chatId\":\"wr_it\",\"userId\":\"chenxia\",\"text\":\"" + "票".repeat(3000) + "\"}");
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(json.readTree(res.body()).get("error").asString()).isEqualTo("text_too_long");
    }

    @Test
    void directoryListsPeopleAndGroupsForThePage() throws Exception {
        HttpResponse<String> res = ConsoleLogin.as(port, "huangwei").get("/api/console/directory");
        JsonNode body = json.readTree(res.body());
        assertThat(body.get("hospital").asString()).isEqualTo("梅州市中医医院");
        // the people and groups of the test fixture src/test/bot-config/hospital.yaml
        List<String> groups = new ArrayList<>();
        body.get("groups").forEach(g -> groups.add(g.get("chatId").asString() + " " + g.get("name").asString()));
        assertThat(groups).containsExactly("wr_cashier 收费处电子票据群", "wr_it 信息科运维群");
        List<String> people = new ArrayList<>();
        body.get("people").forEach(p -> people.add(p.get("userId").asString() + " " + p.get("name").asString() + " "
                + p.get("role").asString() + " " + p.get("roleLabel").asString()));
        assertThat(people).containsExactly("chenxia 陈霞 STAFF 医院职工", "liufang 刘芳 STAFF 医院职工",
                "huangwei 黄伟 STAFF 医院职工", "zhanggong 张工 ENGINEER 运维工程师", "ligong 李工 ENGINEER 运维工程师",
                "wangjingli 王经理 ADMIN 管理员");
    }
}
