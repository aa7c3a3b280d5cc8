package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.ConversationLog;
import cn.ebillops.channel.InboundLimits;
import cn.ebillops.sandbox.wecom.WecomStandInDriver.Signed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Every bad input class on every POST route of the application (console, NLU, both WeCom
 * callbacks): a 4xx with {@code {"error", "message"}}, nothing reaches the assistant or the
 * database, and the log has one WARN per refusal without the content and never an ERROR.
 * Shares the WeCom stand-in context so the callbacks are real encrypted ones.
 */
@ExtendWith(OutputCaptureExtension.class)
class EveryRouteBadInputTest extends WecomStandInTestBase {

    static final String SECRET = "患者张三身份证440101199001011234开票失败";
    static final String LONG_ID = "x".repeat(InboundLimits.MAX_ID + 1);
    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^\\S+\\s+ERROR\\s");

    /** One POST route: how to reach it with a fresh signed query, and its code for an unreadable body. */
    record Route(String name, Function<EveryRouteBadInputTest, String> pathAndQuery, String contentType,
                 String malformedCode, boolean bindsJson) {
    }

    final List<Route> routes = List.of(
            new Route("console", t -> "/api/console/messages", "application/json", "malformed_json", true),
            // the NLU endpoint answered bad_request for unreadable bodies before the shared code existed
            new Route("nlu", t -> "/api/nlu/classify", "application/json", "bad_request", true),
            new Route("aibot", t -> "/wecom/aibot/callback?" + t.signedAibotQuery(), "application/json",
                    "malformed_json", false),
            new Route("app", t -> "/wecom/app/callback?" + t.signedAppQuery(), "text/xml", "malformed_xml", false));

    @Autowired ConversationLog conversationLog;
    @Autowired WecomInbox inbox;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> chatIds = new ArrayList<>();
    private final List<String> msgIds = new ArrayList<>();
    private long inboxBefore;
    private CapturedOutput output;

    @BeforeEach
    void countInbox(CapturedOutput out) {
        settle();
        inboxBefore = inbox.count();
        output = out;
    }

    @AfterEach
    void nothingWrittenAndNoErrorLogged() {
        settle(); // a wrongly accepted callback would have been processed by now
        assertThat(inbox.count()).as("wecom_inbox rows").isEqualTo(inboxBefore);
        msgIds.forEach(id -> {
            assertThat(store.get("msg:wecom-aibot:" + id)).as("aibot message %s handled", id).isNull();
            assertThat(store.get("msg:wecom-app:" + id)).as("app message %s handled", id).isNull();
            assertThat(store.get("msg:console:" + id)).as("console message %s handled", id).isNull();
        });
        chatIds.forEach(chat -> assertThat(conversationLog.recent(chat, 10)).as("conversation of %s", chat).isEmpty());
        String log = output.getAll();
        assertThat(ERROR_LINE.matcher(log).find()).as("an ERROR line in the log:%n%s", log).isFalse();
        assertThat(log).doesNotContain(SECRET).doesNotContain("440101199001011234").doesNotContain(LONG_ID)
                .doesNotContain("Exception");
    }

    // ---- bad input classes, each on every POST route ------------------------------------------------

    @Test
    void unreadableBodyIsA400OnEveryRoute() {
        for (Route r : routes) {
            String body = r.contentType().contains("xml") ? "<xml><Content>" + SECRET + "</Cont" : "{\"text\": " + SECRET;
            assertRefused(r, send("POST", r.pathAndQuery().apply(this), r.contentType(), ofString(body)), 400,
                    r.malformedCode());
        }
    }

    @Test
    void wrongContentTypeIsA415OnEveryRouteThatBindsJson() {
        for (Route r : routes.stream().filter(Route::bindsJson).toList()) {
            for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml")) {
                HttpResponse<String> res = send("POST", r.pathAndQuery().apply(this), type, ofString(consoleJson()));
                assertRefused(r, res, 415, "unsupported_media_type");
                assertThat(res.headers().firstValue("Accept")).as(r.name()).hasValueSatisfying(
                        v -> assertThat(v).contains("application/json"));
            }
        }
    }

    @Test
    void malformedMultipartIsA400OnEveryRoute() {
        String unterminated = "--XyZ\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + SECRET;
        for (Route r : routes) {
            assertRefused(r, send("POST", r.pathAndQuery().apply(this), "multipart/form-data; boundary=XyZ",
                    ofString(unterminated)), 400, "malformed_multipart");
            assertRefused(r, send("POST", r.pathAndQuery().apply(this), "multipart/form-data",
                    ofString(unterminated)), 400, "malformed_multipart");
        }
    }

    @Test
    void bodyOver64KbIsA413OnEveryRouteWithOrWithoutALength() {
        byte[] big = ("{\"text\":\"" + "票".repeat(25_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (Route r : routes) {
            assertRefused(r, send("POST", r.pathAndQuery().apply(this), r.contentType(),
                    BodyPublishers.ofByteArray(big)), 413, "body_too_large");
            // chunked: no Content-Length to refuse on, the limit holds while reading
            assertRefused(r, send("POST", r.pathAndQuery().apply(this), r.contentType(),
                    BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))), 413, "body_too_large");
        }
    }

    @Test
    void otherMethodsAreA405NamingPost() {
        for (Route r : routes) {
            for (String method : List.of("PUT", "DELETE", "PATCH")) {
                HttpResponse<String> res = send(method, r.pathAndQuery().apply(this), r.contentType(),
                        ofString(consoleJson()));
                assertRefused(r, res, 405, "method_not_allowed");
                assertThat(res.headers().firstValue("Allow")).as(r.name()).hasValueSatisfying(
                        v -> assertThat(v).contains("POST"));
            }
        }
    }

    @Test
    void invalidOrOverlongParametersAreA400() {
        Route transcript = new Route("console transcript", t -> "", "", "", false);
        assertRefused(transcript, send("GET", "/api/console/chats/wr_it/messages?after=" + "abc", null, null), 400,
                "bad_parameter");
        assertRefused(transcript, send("GET", "/api/console/chats/" + LONG_ID + "/messages", null, null), 400,
                "id_too_long");
        Route report = new Route("report", t -> "", "", "", false);
        assertRefused(report, send("GET", "/api/reports/inspections/abc.docx", null, null), 400, "bad_id");
    }

    @Test
    void unknownRouteStaysSpringsOwn404() {
        HttpResponse<String> res = send("POST", "/api/console/nowhere", "application/json", ofString(consoleJson()));
        assertThat(res.statusCode()).isEqualTo(404);
    }

    // ---- over-long ids and text where the message is built ------------------------------------------

    @Test
    void idOver128CharactersIsRefusedOnTheConsole() {
        Route console = routes.get(0);
        String chat = chat();
        for (String json : List.of(
                consoleJson(LONG_ID, "chenxia", SECRET, null),
                consoleJson(chat, LONG_ID, SECRET, null),
                consoleJson(chat, "chenxia", SECRET, LONG_ID))) {
            assertRefused(console, send("POST", "/api/console/messages", "application/json", ofString(json)), 400,
                    "id_too_long");
        }
        chatIds.add(LONG_ID);
    }

    @Test
    void idOf128CharactersStillFitsTheDatabase() {
        String chat = unique("wr_fits_") + "c".repeat(InboundLimits.MAX_ID - 16);
        String user = "u".repeat(InboundLimits.MAX_ID);
        HttpResponse<String> res = send("POST", "/api/console/messages", "application/json",
                ofString(consoleJson(chat, user, "你好", "m".repeat(InboundLimits.MAX_ID))));
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        assertThat(conversationLog.recent(chat, 10)).isNotEmpty();
    }

    @Test
    void idOver128CharactersIsRefusedOnBothCallbacks() {
        String msgId = msg();
        String chat = chat();
        postAibot(driver.aibotText(chat, LONG_ID, SECRET, msgId), 400, "id_too_long");
        postAibot(driver.aibotText(LONG_ID, "chenxia", SECRET, msg()), 400, "id_too_long");
        postAibot(driver.aibotText(chat, "chenxia", SECRET, LONG_ID), 400, "id_too_long");
        postApp(driver.appText(LONG_ID, SECRET, msg()), 400, "id_too_long");
        postApp(driver.appText("chenxia", SECRET, LONG_ID), 400, "id_too_long");
        msgIds.add(LONG_ID);
        chatIds.add(LONG_ID);
    }

    @Test
    void textOver2048CharactersIsRefusedOnTheTypedInRoutes() {
        // WeCom text is bounded by the callback's 64 KB body (see bodyOver64Kb…), not by this limit
        String longText = SECRET + "票".repeat(InboundLimits.MAX_TEXT);
        assertRefused(routes.get(0), send("POST", "/api/console/messages", "application/json",
                ofString(consoleJson(chat(), "chenxia", longText, null))), 400, "text_too_long");
        assertRefused(routes.get(1), send("POST", "/api/nlu/classify", "application/json",
                ofString("{\"text\":\"" + longText + "\"}")), 400, "text_too_long");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private void postAibot(String plain, int status, String code) {
        Signed s = driver.sign(driver.aibotCrypto(), plain);
        assertRefused(routes.get(2), send("POST", "/wecom/aibot/callback?" + s.query(), "application/json",
                ofString(driver.aibotEnvelope(s))), status, code);
    }

    private void postApp(String plain, int status, String code) {
        Signed s = driver.sign(driver.appCrypto(), plain);
        assertRefused(routes.get(3), send("POST", "/wecom/app/callback?" + s.query(), "text/xml",
                ofString(driver.appEnvelope(s))), status, code);
    }

    private void assertRefused(Route r, HttpResponse<String> res, int status, String code) {
        assertThat(res.statusCode()).as("%s: status (%s)", r.name(), res.body()).isEqualTo(status);
        JsonNode body = mapper.readTree(res.body());
        assertThat(body.path("error").asString()).as("%s: error code", r.name()).isEqualTo(code);
        assertThat(body.path("message").asString()).as("%s: message", r.name()).isNotBlank();
        assertThat(body.properties()).as("%s: fields", r.name()).hasSize(2);
    }

    private String signedAibotQuery() {
        return driver.sign(driver.aibotCrypto(), driver.aibotText(chat(), "chenxia", SECRET, msg())).query();
    }

    private String signedAppQuery() {
        return driver.sign(driver.appCrypto(), driver.appText("chenxia", SECRET, msg())).query();
    }

    private String consoleJson() {
        return consoleJson(chat(), "chenxia", SECRET, msg());
    }

    private String consoleJson(String chatId, String userId, String text, String messageId) {
        return mapper.writeValueAsString(messageId == null
                ? java.util.Map.of("chatId", chatId, "userId", userId, "text", text)
                : java.util.Map.of("chatId", chatId, "userId", userId, "text", text, "messageId", messageId));
    }

    private String chat() {
        String chat = unique("wr_bad_");
        chatIds.add(chat);
        return chat;
    }

    private String msg() {
        String id = unique("bad-");
        msgIds.add(id);
        return id;
    }

    private static BodyPublisher ofString(String body) {
        return BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String contentType, BodyPublisher body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(driver.base() + pathAndQuery))
                .timeout(Duration.ofSeconds(60)) // the first accepted message loads the NLU model
                .method(method, body == null ? BodyPublishers.noBody() : body);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
