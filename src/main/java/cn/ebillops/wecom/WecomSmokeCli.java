package cn.ebillops.wecom;

import cn.ebillops.infra.InMemoryKeyValueStore;
import cn.ebillops.infra.InfraConfig;
import cn.ebillops.infra.RetryPolicy;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * scripts/smoke-wecom.sh: proves with the real credentials that WeCom takes this server's calls, without starting the
 * assistant: ① the self-built app's access token, ② the AI bot's long-connection subscribe, ③ a test message pushed
 * into a named test group, ④ a direct message to the installer. Settings as the assistant reads them
 * ({@link SmokeSettings}); the calls through the assistant's own code ({@link WecomAppClient}, {@link SmokeConnection}).
 * One line per step, "通过", "跳过：…" or "失败：…" with what to fix ({@link SmokeErrors}); never a secret or token.
 * Exit 0 when no step failed, 1 when one did, 2 for a usage error.
 * Usage: {@code java -cp ... cn.ebillops.wecom.WecomSmokeCli --group <chatid> --user <userid>}.
 */
final class WecomSmokeCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final String USAGE_TEXT = "用法：smoke-wecom.sh --group <测试群 chatid> --user <你的 userid>"
            + "（以服务用户身份、载入 /etc/ebill-ops/env 后运行）";
    static final String RESTART = "sudo systemctl restart ebill-ops-assistant";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private WecomSmokeCli() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        // The steps report every failure themselves; library logs (WxJava, HttpClient at DEBUG without a
        // logback configuration) would repeat them and print request URLs, which carry the access token.
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.OFF);
        }
        System.exit(run(args, System.getenv(), Clock.system(InfraConfig.ZONE), out, err));
    }

    /** The test group and the installer, from {@code --group <chatid> --user <userid>}. */
    record Targets(String chatId, String userId) {
    }

    static int run(String[] args, Map<String, String> env, Clock clock, PrintStream out, PrintStream err) {
        Targets targets = parse(args);
        if (targets == null) {
            err.println(USAGE_TEXT);
            return args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")) ? OK : USAGE;
        }
        SmokeSettings.Loaded settings = SmokeSettings.load(env);
        Report report = new Report(out);
        String stamp = clock.instant().atZone(InfraConfig.ZONE).format(TIME);
        WecomProperties.Aibot aibot = settings.props().aibot();
        if (aibot.longConnectionEnabled()) {
            out.println("注意：每个智能机器人只能有一条长连接，第 ② 步会把正在运行的助手的长连接顶下线，且它不会自动重连；"
                    + "助手在运行时，测完请执行 " + RESTART);
        }
        try (AppSteps app = new AppSteps(settings, clock, report)) {
            app.token();
            groupSteps(settings, targets.chatId(), stamp, report);
            app.directMessage(targets.userId(), "【冒烟测试】电子票据运维助手的自建应用私信通路正常（" + stamp + "）。"
                    + "这是安装检查，无需回复。");
        }
        if (report.failed()) {
            out.println("有步骤失败：按上面的提示改好后再运行一次");
            return FAILED;
        }
        if (report.delivered().isEmpty()) {
            out.println("没有发出任何消息：以上步骤都跳过了（未配置企业微信路线）");
        } else {
            // WeCom taking a message is not yet someone seeing it: the installer looks once
            out.println("企业微信接受了测试消息：请在企业微信里确认" + String.join("和", report.delivered())
                    + "收到“冒烟测试”消息（" + stamp + "）");
        }
        return OK;
    }

    /** ② subscribe and ③ push to the test group, on one connection closed afterwards. */
    private static void groupSteps(SmokeSettings.Loaded settings, String chatId, String stamp, Report report) {
        String subscribe = "② 智能机器人长连接订阅";
        String push = "③ 在测试群 " + chatId + " 发测试消息";
        WecomProperties.Aibot aibot = settings.props().aibot();
        if (!aibot.longConnectionEnabled()) {
            String why = skipReason("智能机器人", aibot.botId(), "WECOM_AIBOT_BOT_ID", aibot.secret(), "WECOM_AIBOT_SECRET");
            report.skipped(subscribe, why);
            report.skipped(push, why);
            return;
        }
        try (SmokeConnection connection = new SmokeConnection(settings, JsonMapper.builder().build())) {
            try {
                connection.subscribe();
                report.passed(subscribe);
            } catch (SmokeConnection.NotConnected e) {
                report.failed(subscribe, SmokeErrors.connect(connection.url(), e.getMessage()));
                report.skipped(push, "长连接没有连上");
                return;
            } catch (SmokeConnection.Refused e) {
                report.failed(subscribe, SmokeErrors.subscribe(e.errcode(), e.errmsg()));
                report.skipped(push, "长连接没有订阅成功");
                return;
            }
            try {
                connection.push(chatId, "**【冒烟测试】** 电子票据运维助手的群消息通路正常（" + stamp + "）。这是安装检查，无需回复。");
                report.passed(push);
                report.delivered("测试群 " + chatId);
            } catch (SmokeConnection.NotConnected e) {
                report.failed(push, "连接在推送时断开（" + e.getMessage() + "）：再运行一次；反复出现时检查网络");
            } catch (SmokeConnection.Refused e) {
                report.failed(push, SmokeErrors.push(e.errcode(), e.errmsg()));
            }
        }
    }

    /** ① and ④ through the assistant's own app client: its WxJava setup, timeouts and retry rule; ④ uses ①'s token. */
    private static final class AppSteps implements AutoCloseable {
        private final SmokeSettings.Loaded settings;
        private final Clock clock;
        private final Report report;
        private WecomAppClient client;
        private String skip;

        AppSteps(SmokeSettings.Loaded settings, Clock clock, Report report) {
            this.settings = settings;
            this.clock = clock;
            this.report = report;
        }

        void token() {
            String step = "① 取自建应用 access_token";
            WecomProperties.App app = settings.props().app();
            if (!app.sendEnabled()) {
                skip = skipReason("自建应用", app.corpId(), "WECOM_CORP_ID", app.agentId(), "WECOM_APP_AGENT_ID",
                        app.secret(), "WECOM_APP_SECRET");
                report.skipped(step, skip);
                return;
            }
            if (!app.agentId().trim().matches("\\d+")) {
                skip = "第 ① 步失败";
                report.failed(step, "WECOM_APP_AGENT_ID 应是应用详情页上的数字 AgentId");
                return;
            }
            // a fresh in-memory token store: the smoke test proves the credentials, not a token someone cached
            client = new WecomAppClient(settings.props(), settings.endpoints(), new InMemoryKeyValueStore(clock), clock,
                    new RetryPolicy());
            if (!call(step, WecomAppClient::refreshToken)) {
                skip = "第 ① 步没有取到 access_token";
            }
        }

        void directMessage(String userId, String text) {
            String step = "④ 给 " + userId + " 发私信";
            if (skip != null) {
                report.skipped(step, skip);
                return;
            }
            if (call(step, c -> c.sendMarkdown(userId, text))) {
                report.delivered("你的私信");
            }
        }

        private boolean call(String step, java.util.function.Consumer<WecomAppClient> action) {
            try {
                action.accept(client);
                report.passed(step);
                return true;
            } catch (WecomApiException e) {
                String message = e.getMessage();
                String errmsg = message.substring(message.indexOf(": ") + 2);
                report.failed(step, SmokeErrors.app(e.errcode(), errmsg, settings.endpoints().api("")));
            } catch (RuntimeException e) {
                // the class only: a message might quote a request URL, which carries the token
                report.failed(step, "意外错误 " + e.getClass().getSimpleName());
            }
            return false;
        }

        @Override
        public void close() {
            if (client != null) {
                client.close();
            }
        }
    }

    /** "未配置<route>", naming the unset variables when only some of the (value, name) pairs are set. */
    private static String skipReason(String route, String... valueAndName) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < valueAndName.length; i += 2) {
            if (!WecomProperties.set(valueAndName[i])) {
                missing.add(valueAndName[i + 1]);
            }
        }
        boolean nothingSet = missing.size() * 2 == valueAndName.length;
        return "未配置" + route + (nothingSet ? "" : "（缺 " + String.join("、", missing) + "）");
    }

    private static Targets parse(String[] args) {
        String group = null;
        String user = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--group" -> group = args[i + 1];
                case "--user" -> user = args[i + 1];
                default -> {
                    return null;
                }
            }
        }
        boolean complete = args.length == 4 && WecomProperties.set(group) && WecomProperties.set(user);
        return complete ? new Targets(group.trim(), user.trim()) : null;
    }

    /** The step lines, whether any failed, and where WeCom took a test message. */
    private static final class Report {
        private final PrintStream out;
        private final List<String> delivered = new ArrayList<>();
        private boolean failed;

        Report(PrintStream out) {
            this.out = out;
        }

        void passed(String step) {
            out.println(step + "：通过");
        }

        void skipped(String step, String why) {
            out.println(step + "：跳过：" + why);
        }

        void failed(String step, String why) {
            failed = true;
            out.println(step + "：失败：" + why);
        }

        boolean failed() {
            return failed;
        }

        void delivered(String where) {
            delivered.add(where);
        }

        List<String> delivered() {
            return delivered;
        }
    }
}
