package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.infra.InMemoryKeyValueStore;
import cn.ebillops.infra.InfraConfig;
import cn.ebillops.infra.RetryPolicy;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

/**
 * message/send through WxJava under the one retry policy (scaled to milliseconds), against a scripted
 * WeCom on a real socket: WeCom's busy and rate-limit answers and an unreachable API are tried again,
 * at most three times in all (WxJava does not retry on top); a refusal is not; an invalid token is
 * refreshed once.
 */
class WecomAppClientRetryTest {

    /** Stands for "the API was not reached": the connection is closed without an answer. */
    private static final int UNREACHABLE = Integer.MIN_VALUE;

    /** WeCom's answers to message/send in turn (0 once the script is used up); gettoken always answers. */
    static final class ScriptedWecom implements AutoCloseable {
        final ConcurrentLinkedDeque<Integer> answers = new ConcurrentLinkedDeque<>();
        final AtomicInteger sends = new AtomicInteger();
        final AtomicInteger tokens = new AtomicInteger();
        final HttpServer server;

        ScriptedWecom(Integer... answers) throws IOException {
            this.answers.addAll(List.of(answers));
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            server.createContext("/cgi-bin/gettoken", ex -> reply(ex,
                    "{\"errcode\":0,\"access_token\":\"t" + tokens.incrementAndGet() + "\",\"expires_in\":7200}"));
            server.createContext("/cgi-bin/message/send", ex -> {
                ex.getRequestBody().readAllBytes();
                sends.incrementAndGet();
                Integer code = this.answers.poll();
                if (code != null && code == UNREACHABLE) {
                    ex.close(); // no status line: the client sees the connection end without an answer
                    return;
                }
                reply(ex, "{\"errcode\":" + (code == null ? 0 : code) + ",\"errmsg\":\"scripted\"}");
            });
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private static void reply(HttpExchange ex, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private ScriptedWecom wecom;

    @AfterEach
    void stop() {
        if (wecom != null) {
            wecom.close();
        }
    }

    private WecomAppClient client(Integer... answers) throws IOException {
        wecom = new ScriptedWecom(answers);
        return client(wecom.base());
    }

    static WecomAppClient client(String base) {
        WecomProperties.App app = new WecomProperties.App("ww-corp", "1000002", "secret", null, null);
        WecomProperties.Aibot aibot = new WecomProperties.Aibot(null, null, null, null, null, Duration.ofSeconds(20),
                Duration.ofSeconds(30), Duration.ofSeconds(60), false);
        WecomProperties.Robot robot = new WecomProperties.Robot(Map.of(), 20, false, Duration.ofSeconds(1));
        WecomProperties props = new WecomProperties(base, aibot, app, robot);
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), InfraConfig.ZONE);
        return new WecomAppClient(props, new WecomEndpoints(props, new StandardEnvironment(), null),
                new InMemoryKeyValueStore(clock), clock, RetryPolicy.scaledTo(Duration.ofMillis(1)));
    }

    @Test
    void busyAndRateLimitedAnswersAreTriedAgain() throws IOException {
        client(-1, 45009).sendMarkdown("zhanggong", "故障单 #1");
        assertThat(wecom.sends).as("WxJava's own retry of -1 is off: one send per attempt").hasValue(3);
    }

    @Test
    void anUnreachableApiAndAConcurrencyLimitAreTriedAgain() throws IOException {
        client(UNREACHABLE, 45033).sendMarkdown("zhanggong", "故障单 #2");
        assertThat(wecom.sends).hasValue(3);
    }

    @Test
    void aCallStillBusyAfterThreeAttemptsFailsWithWecomsAnswer() throws IOException {
        WecomAppClient client = client(-1, -1, 45009, 0);
        assertThatThrownBy(() -> client.sendMarkdown("zhanggong", "故障单 #3"))
                .isInstanceOfSatisfying(WecomApiException.class, e -> assertThat(e.errcode()).isEqualTo(45009));
        assertThat(wecom.sends).as("no fourth attempt").hasValue(3);
    }

    @Test
    void aRefusalIsNotTriedAgain() throws IOException {
        WecomAppClient client = client(48002, 0);
        assertThatThrownBy(() -> client.sendMarkdown("zhanggong", "故障单 #4"))
                .isInstanceOfSatisfying(WecomApiException.class, e -> assertThat(e.errcode()).isEqualTo(48002));
        assertThat(wecom.sends).hasValue(1);
    }

    @Test
    void anExpiredTokenIsRefreshedOnceAndTheMessageSentAgain() throws IOException {
        client(42001, 0).sendMarkdown("zhanggong", "故障单 #5");
        assertThat(wecom.sends).hasValue(2);
        assertThat(wecom.tokens).hasValue(2);
        wecom.close();

        WecomAppClient stillInvalid = client(42001, 40014, 0);
        assertThatThrownBy(() -> stillInvalid.sendMarkdown("zhanggong", "故障单 #6"))
                .isInstanceOfSatisfying(WecomApiException.class, e -> assertThat(e.errcode()).isEqualTo(40014));
        assertThat(wecom.tokens).as("refreshed once").hasValue(2);
    }

    @Test
    void filesOutsideWecomsLimitsAreRefusedBeforeAnyCall() throws IOException {
        WecomAppClient client = client();
        assertThatThrownBy(() -> client.sendFile("zhanggong", "report.docx", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("文件太小").hasMessageContaining("0 字节");
        assertThatThrownBy(() -> client.sendFile("zhanggong", "report.docx", new byte[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("至少 5 字节");
        assertThatThrownBy(() -> client.sendFile("zhanggong", "report.docx", new byte[WecomFiles.MAX_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("文件太大").hasMessageContaining("20 MB");
        assertThatThrownBy(() -> client.sendFile("zhanggong", "../report.docx", new byte[10]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("文件名无效");
        assertThat(wecom.tokens).as("nothing was called").hasValue(0);
    }
}
