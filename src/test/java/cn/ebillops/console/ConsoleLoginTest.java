package cn.ebillops.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.ConversationLog;
import cn.ebillops.infra.KeyValueStore;
import cn.ebillops.testsupport.ConsoleLogin;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The production console over real HTTP: a bot-config account logs in with its password, a wrong
 * one is refused, the sixth failure within the window is limited per account and per address, an
 * idle session expires (2 s here, 30 min by default: ConsoleApiTest), CSRF guards the POSTs, and
 * the sender of a message is the logged-in person whatever the body says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ebillops.console.session-timeout=2s", "ebillops.report.links.secret=" + ConsoleLoginTest.LINK_SECRET})
class ConsoleLoginTest {

    static final String LINK_SECRET = "test-link-secret-0123456789abcdef0123";

    @LocalServerPort int port;
    @Autowired KeyValueStore store;
    @Autowired ConversationLog conversationLog;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    @AfterEach
    void forgetFailedLogins() {
        // every test logs in from 127.0.0.1: one test's failures must not limit the next
        store.delete(LoginAttempts.addressKey("127.0.0.1"));
        List.of("ligong", "liufang", "wangjingli", "chenxia").forEach(a -> store.delete(LoginAttempts.accountKey(a)));
    }

    @Test
    void loginPageIsChineseAndCarriesACsrfToken() {
        HttpResponse<String> page = new ConsoleLogin(port).get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("本地控制台登录", "账号", "密码", "name=\"_csrf\"", "1 分钟无操作自动退出");
    }

    @Test
    void rightPasswordOpensASessionThatKnowsWhoItIs() {
        ConsoleLogin manager = ConsoleLogin.as(port, "wangjingli");
        JsonNode session = manager.session();
        assertThat(session.get("demo").asBoolean()).isFalse();
        assertThat(session.get("userId").asString()).isEqualTo("wangjingli");
        assertThat(session.get("name").asString()).isEqualTo("王经理");
        assertThat(session.get("idleTimeoutSeconds").asLong()).isEqualTo(2);
        assertThat(manager.get("/console/").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordIsRefusedWithAChineseMessage() {
        ConsoleLogin c = new ConsoleLogin(port);
        HttpResponse<String> res = c.login("wangjingli", "not-the-password");
        assertThat(res.statusCode()).isEqualTo(302);
        assertThat(res.headers().firstValue("Location")).get().asString().endsWith("/login?error");
        assertThat(c.get("/login?error").body()).contains("账号或密码错误");
        assertThat(c.get("/api/console/session").statusCode()).isEqualTo(401);
        // an unknown account is refused the same way: no hint which accounts exist
        assertThat(c.login("nobody", "whatever-pass").headers().firstValue("Location")).get().asString()
                .endsWith("/login?error");
    }

    @Test
    void sixthFailedAttemptOnAnAccountIsLimitedEvenWithTheRightPassword() {
        ConsoleLogin c = new ConsoleLogin(port);
        for (int i = 1; i <= 5; i++) {
            assertThat(c.login("ligong", "wrong-" + i).headers().firstValue("Location")).as("attempt %d", i)
                    .get().asString().endsWith("/login?error");
        }
        store.delete(LoginAttempts.addressKey("127.0.0.1")); // only the account's count is left
        HttpResponse<String> sixth = c.login("ligong", ConsoleLogin.PASSWORD);
        assertThat(sixth.headers().firstValue("Location")).get().asString().endsWith("/login?limited");
        assertThat(c.get("/login?limited").body()).contains("登录失败次数过多，请 15 分钟后再试");
        assertThat(c.get("/api/console/session").statusCode()).isEqualTo(401);
        // another account from the same address is not affected by ligong's count
        assertThat(ConsoleLogin.as(port, "liufang").session().get("userId").asString()).isEqualTo("liufang");
    }

    @Test
    void sixthFailedAttemptFromOneAddressIsLimitedWhateverTheAccount() {
        ConsoleLogin c = new ConsoleLogin(port);
        for (int i = 1; i <= 5; i++) {
            c.login("guess" + i, "wrong-password");
        }
        assertThat(c.login("chenxia", ConsoleLogin.PASSWORD).headers().firstValue("Location")).get().asString()
                .endsWith("/login?limited");
    }

    @Test
    void idleSessionExpires() throws Exception {
        ConsoleLogin c = ConsoleLogin.as(port, "wangjingli");
        assertThat(c.get("/api/console/session").statusCode()).isEqualTo(200);
        Thread.sleep(3_000);
        HttpResponse<String> after = c.get("/api/console/session");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(json.readTree(after.body()).get("error").asString()).isEqualTo("login_required");
        HttpResponse<String> page = c.get("/console/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).get().asString().endsWith("/login");
    }

    @Test
    void messageIsAttributedToTheLoggedInPersonEvenWhenTheBodyNamesSomeoneElse() {
        String chat = "wr_attr_" + UUID.randomUUID().toString().substring(0, 8);
        ConsoleLogin staff = ConsoleLogin.as(port, "chenxia");
        HttpResponse<String> res = staff.postJson("/api/console/messages", """
                {"chatId":"%s","userId":"wangjingli","text":"/schedule pause holiday-notice"}""".formatted(chat));
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        // the manager-only command is refused: the assistant saw 陈霞, not 王经理
        assertThat(json.readTree(res.body()).get("replies").get(0).get("markdown").asString()).contains("管理员");
        assertThat(conversationLog.recent(chat, 10)).filteredOn(e -> e.direction() == ConversationLog.Direction.IN)
                .singleElement().satisfies(e -> assertThat(e.userId()).isEqualTo("chenxia"));
        JsonNode transcript = json.readTree(staff.get("/api/console/chats/" + chat + "/messages").body());
        assertThat(transcript.get(0).get("from").asString()).isEqualTo("chenxia");
        assertThat(transcript.get(0).get("fromName").asString()).isEqualTo("陈霞");
    }

    @Test
    void consolePostWithoutTheCsrfTokenIsRefused() {
        ConsoleLogin c = ConsoleLogin.as(port, "chenxia");
        String chat = "wr_csrf_" + UUID.randomUUID().toString().substring(0, 8);
        ConsoleLogin tokenless = new ConsoleLogin(port); // logged in, but never asked the page's token
        HttpResponse<String> withToken = c.postJson("/api/console/messages",
                "{\"chatId\":\"" + chat + "\",\"text\":\"你好\"}");
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(tokenless.login("chenxia", ConsoleLogin.PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> without = tokenless.postJson("/api/console/messages",
                "{\"chatId\":\"" + chat + "\",\"text\":\"你好\"}");
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(json.readTree(without.body()).get("message").asString()).contains("CSRF");
    }

    @Test
    void loginFormWithoutAValidTokenGetsAFreshLoginPage() {
        ConsoleLogin c = new ConsoleLogin(port);
        HttpResponse<String> res = c.postForm("/login");
        assertThat(res.statusCode()).isEqualTo(302);
        assertThat(res.headers().firstValue("Location")).get().asString().endsWith("/login?stale");
        assertThat(c.get("/login?stale").body()).contains("登录页面已过期");
    }

    @Test
    void logoutEndsTheSession() {
        ConsoleLogin c = ConsoleLogin.as(port, "chenxia");
        HttpResponse<String> out = c.postForm("/logout");
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location")).get().asString().endsWith("/login?logout");
        assertThat(c.get("/api/console/session").statusCode()).isEqualTo(401);
    }
}
