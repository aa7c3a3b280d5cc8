package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.infra.InfraConfig;
import cn.ebillops.infra.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * message/send under the one retry policy (scaled to milliseconds): WeCom's busy and rate-limit answers and an
 * unreachable API are tried again, at most three times; a refusal is not; an invalid token is refreshed once.
 */
class WecomAppClientRetryTest {

    /** Stands for "the API was not reached" in the scripted answers. */
    private static final int UNREACHABLE = Integer.MIN_VALUE;

    /** WeCom's answers to message/send in turn (0 once the script is used up); gettoken always answers. */
    static final class ScriptedWecom extends WecomHttp {
        final Deque<Integer> answers;
        int sends;
        int tokens;

        ScriptedWecom(Integer... answers) {
            super(new ObjectMapper());
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public JsonNode get(String url) {
            tokens++;
            return mapper().readTree("{\"errcode\":0,\"access_token\":\"t" + tokens + "\",\"expires_in\":7200}");
        }

        @Override
        public JsonNode post(String url, Object body) {
            sends++;
            int code = answers.isEmpty() ? 0 : answers.poll();
            if (code == UNREACHABLE) {
                throw new WecomApiException(-1, "ConnectException");
            }
            return mapper().readTree("{\"errcode\":" + code + ",\"errmsg\":\"scripted\"}");
        }
    }

    private static WecomAppClient client(ScriptedWecom http) {
        WecomProperties.App app = new WecomProperties.App("ww-corp", "1000002", "secret", null, null);
        WecomProperties.Aibot aibot = new WecomProperties.Aibot(null, null, null, null, null, Duration.ofSeconds(20),
                Duration.ofSeconds(30), Duration.ofSeconds(60), false);
        WecomProperties.Robot robot = new WecomProperties.Robot(Map.of(), 20, false, Duration.ofSeconds(1));
        WecomProperties props = new WecomProperties("https://wecom.test", aibot, app, robot);
        return new WecomAppClient(props, new WecomEndpoints(props, new StandardEnvironment(), null), http,
                Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), InfraConfig.ZONE),
                RetryPolicy.scaledTo(Duration.ofMillis(1)), new WecomFiles(http));
    }

    @Test
    void busyRateLimitedAndUnreachableAnswersAreTriedAgain() {
        ScriptedWecom wecom = new ScriptedWecom(-1, 45009);
        client(wecom).sendMarkdown("zhanggong", "故障单 #1");
        assertThat(wecom.sends).isEqualTo(3);

        ScriptedWecom down = new ScriptedWecom(UNREACHABLE, 45033);
        client(down).sendMarkdown("zhanggong", "故障单 #2");
        assertThat(down.sends).isEqualTo(3);
    }

    @Test
    void aCallStillBusyAfterThreeAttemptsFailsWithWecomsAnswer() {
        ScriptedWecom wecom = new ScriptedWecom(-1, -1, 45009, 0);
        assertThatThrownBy(() -> client(wecom).sendMarkdown("zhanggong", "故障单 #3"))
                .isInstanceOfSatisfying(WecomApiException.class, e -> assertThat(e.errcode()).isEqualTo(45009));
        assertThat(wecom.sends).as("no fourth attempt").isEqualTo(3);
    }

    @Test
    void aRefusalIsNotTriedAgain() {
        ScriptedWecom wecom = new ScriptedWecom(48002, 0);
        assertThatThrownBy(() -> client(wecom).sendMarkdown("zhanggong", "故障单 #4"))
                .isInstanceOfSatisfying(WecomApiException.class, e -> assertThat(e.errcode()).isEqualTo(48002));
        assertThat(wecom.sends).isEqualTo(1);
    }

    @Test
    void anExpiredTokenIsRefreshedOnceAndTheMessageSentAgain() {
        ScriptedWecom wecom = new ScriptedWecom(42001, 0);
        WecomAppClient client = client(wecom);
        client.sendMarkdown("zhanggong", "故障单 #5");
        assertThat(wecom.sends).isEqualTo(2);
        assertThat(wecom.tokens).isEqualTo(2);

        ScriptedWecom stillInvalid = new ScriptedWecom(42001, 40014, 0);
        assertThatThrownBy(() -> client(stillInvalid).sendMarkdown("zhanggong", "故障单 #6"))
                .isInstanceOfSatisfying(WecomApiException.class, e -> assertThat(e.errcode()).isEqualTo(40014));
        assertThat(stillInvalid.tokens).as("refreshed once").isEqualTo(2);
    }
}
