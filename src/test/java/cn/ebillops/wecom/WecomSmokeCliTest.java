package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.infra.InfraConfig;
import cn.ebillops.sandbox.wecom.WecomStandIn;
import cn.ebillops.sandbox.wecom.WecomStandInSocket;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * scripts/smoke-wecom.sh's steps run in process against the stand-in, configured only through the WECOM_* variables
 * the installer sets. The assistant's own long connection stays off here (auto-start false): the smoke test's
 * subscribe would kick it, as it kicks a running instance in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ebillops.sandbox.enabled=true",
        "wecom.api-base-url=http://127.0.0.1:${local.server.port}/sandbox/wecom",
        "wecom.aibot.bot-id=" + WecomSmokeCliTest.BOT_ID,
        "wecom.aibot.secret=" + WecomSmokeCliTest.BOT_SECRET,
        "wecom.aibot.ws-url=ws://127.0.0.1:${local.server.port}/sandbox/wecom/aibot/ws",
        "wecom.aibot.auto-start=false",
        "wecom.app.corp-id=" + WecomSmokeCliTest.CORP_ID,
        "wecom.app.agent-id=1000002",
        "wecom.app.secret=" + WecomSmokeCliTest.APP_SECRET,
        "wecom.robot.auto-dispatch=false"})
class WecomSmokeCliTest {

    static final String BOT_ID = "bot-smoke";
    static final String BOT_SECRET = "bot-smoke-secret-4711";
    static final String CORP_ID = "ww-smoke-corp";
    static final String APP_SECRET = "app-smoke-secret-0815";

    @LocalServerPort int port;
    @Autowired WecomStandIn standIn;
    @Autowired WecomStandInSocket socket;

    private final String chat = "wr_smoke_" + UUID.randomUUID().toString().substring(0, 8);
    private final String user = "installer" + UUID.randomUUID().toString().substring(0, 8);

    private record Run(int exit, String out, String err) {
    }

    /** The variables an installer's /etc/ebill-ops/env holds, pointed at the stand-in. */
    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("WECOM_API_BASE_URL", "http://127.0.0.1:" + port + "/sandbox/wecom");
        env.put("WECOM_AIBOT_WS_URL", "ws://127.0.0.1:" + port + "/sandbox/wecom/aibot/ws");
        env.put("WECOM_AIBOT_BOT_ID", BOT_ID);
        env.put("WECOM_AIBOT_SECRET", BOT_SECRET);
        env.put("WECOM_CORP_ID", CORP_ID);
        env.put("WECOM_APP_AGENT_ID", "1000002");
        env.put("WECOM_APP_SECRET", APP_SECRET);
        return env;
    }

    private Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = WecomSmokeCli.run(args, env, Clock.system(InfraConfig.ZONE), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run smoke(Map<String, String> env) {
        Run r = run(env, "--group", chat, "--user", user);
        assertThat(r.out()).as("no secret or token in the report").doesNotContain(BOT_SECRET, APP_SECRET, "sandbox-");
        return r;
    }

    @Test
    void allFourStepsPassAndTheStandInReceivedTheGroupPushAndTheDirectMessage() {
        Run r = smoke(env());

        assertThat(r.out()).contains("① 取自建应用 access_token：通过", "② 智能机器人长连接订阅：通过",
                "③ 在测试群 " + chat + " 发测试消息：通过", "④ 给 " + user + " 发私信：通过",
                "顶下线", WecomSmokeCli.RESTART, "请在企业微信里确认测试群 " + chat + "和你的私信收到“冒烟测试”消息");
        assertThat(r.exit()).isEqualTo(WecomSmokeCli.OK);
        assertThat(standIn.received(chat, "aibot-push")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("冒烟测试"));
        assertThat(standIn.received(user, "app")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("冒烟测试"));
    }

    @Test
    void aWrongBotSecretFailsTheSubscribeWithWhatToCheckAndSkipsThePush() {
        Map<String, String> env = env();
        env.put("WECOM_AIBOT_SECRET", "not-the-secret");

        Run r = smoke(env);

        assertThat(r.out()).contains("② 智能机器人长连接订阅：失败：企业微信拒绝订阅（errcode 40058",
                "Bot ID 或 Secret 不对", "③ 在测试群 " + chat + " 发测试消息：跳过：长连接没有订阅成功",
                "① 取自建应用 access_token：通过", "④ 给 " + user + " 发私信：通过");
        assertThat(r.out()).doesNotContain("not-the-secret");
        assertThat(r.exit()).isEqualTo(WecomSmokeCli.FAILED);
        assertThat(standIn.received(chat)).isEmpty();
    }

    @Test
    void aRefusedPushFailsStepThreeWithWecomsErrcodeAndTheConditionsOfAPush() {
        socket.failNext("aibot_send_msg", 846608);

        Run r = smoke(env());

        assertThat(r.out()).contains("② 智能机器人长连接订阅：通过",
                "③ 在测试群 " + chat + " 发测试消息：失败：企业微信返回 errcode 846608：", "@ 过机器人");
        assertThat(r.exit()).isEqualTo(WecomSmokeCli.FAILED);
        assertThat(standIn.received(chat, "aibot-push")).isEmpty();
    }

    @Test
    void aWrongAppSecretFailsTheTokenAndSkipsTheDirectMessage() {
        Map<String, String> env = env();
        env.put("WECOM_APP_SECRET", "wrong-app-secret");

        Run r = smoke(env);

        assertThat(r.out()).contains("① 取自建应用 access_token：失败：errcode 40001 — Secret 不对",
                "④ 给 " + user + " 发私信：跳过：第 ① 步没有取到 access_token", "③ 在测试群 " + chat + " 发测试消息：通过");
        assertThat(r.out()).doesNotContain("wrong-app-secret");
        assertThat(r.exit()).isEqualTo(WecomSmokeCli.FAILED);
        assertThat(standIn.received(user)).isEmpty();
    }

    @Test
    void anUntrustedServerIpNamesTheTrustedIpSetting() {
        standIn.injectMessageSendErrors(user, List.of(60020));

        Run r = smoke(env());

        assertThat(r.out()).contains("④ 给 " + user + " 发私信：失败：errcode 60020 — 服务器 IP 不在企业可信 IP 里",
                "企业可信IP");
        assertThat(r.exit()).isEqualTo(WecomSmokeCli.FAILED);
    }

    @Test
    void withoutTheAppStepsOneAndFourAreSkippedAndTheBotStepsStillRun() {
        Map<String, String> env = env();
        env.remove("WECOM_CORP_ID");
        env.remove("WECOM_APP_AGENT_ID");
        env.remove("WECOM_APP_SECRET");

        Run r = smoke(env);

        assertThat(r.out()).contains("① 取自建应用 access_token：跳过：未配置自建应用\n",
                "④ 给 " + user + " 发私信：跳过：未配置自建应用\n", "② 智能机器人长连接订阅：通过",
                "③ 在测试群 " + chat + " 发测试消息：通过");
        assertThat(r.exit()).isEqualTo(WecomSmokeCli.OK);
        assertThat(standIn.received(chat, "aibot-push")).hasSize(1);
    }

    @Test
    void withoutTheBotTheLongConnectionStepsAreSkippedAndNoWarningIsGiven() {
        Map<String, String> env = env();
        env.remove("WECOM_AIBOT_BOT_ID");
        env.remove("WECOM_AIBOT_SECRET");

        Run r = smoke(env);

        assertThat(r.out()).contains("② 智能机器人长连接订阅：跳过：未配置智能机器人\n",
                "③ 在测试群 " + chat + " 发测试消息：跳过：未配置智能机器人\n", "④ 给 " + user + " 发私信：通过")
                .doesNotContain("顶下线");
        assertThat(r.exit()).isEqualTo(WecomSmokeCli.OK);
    }

    @Test
    void withNothingConfiguredEveryStepIsSkippedAndItSaysNothingWasSent() {
        Run r = smoke(Map.of());

        assertThat(r.out()).contains("① 取自建应用 access_token：跳过：未配置自建应用", "② 智能机器人长连接订阅：跳过：未配置智能机器人",
                "没有发出任何消息").doesNotContain("请在企业微信里确认");
        assertThat(r.exit()).isEqualTo(WecomSmokeCli.OK);
    }

    @Test
    void withoutBothTargetsItIsAUsageError() {
        Run r = run(env(), "--group", chat);

        assertThat(r.exit()).isEqualTo(WecomSmokeCli.USAGE);
        assertThat(r.err()).contains("--group <测试群 chatid> --user <你的 userid>");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unsetUrlsAreTheOnesTheAssistantUsesInProduction() {
        SmokeSettings.Loaded s = SmokeSettings.load(Map.of());

        assertThat(s.endpoints().api("/cgi-bin/gettoken")).isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/gettoken");
        assertThat(s.endpoints().aibotWsUrl()).isEqualTo("wss://openws.work.weixin.qq.com");
        assertThat(s.props().app().sendEnabled()).isFalse();
        assertThat(s.props().aibot().longConnectionEnabled()).isFalse();
    }
}
