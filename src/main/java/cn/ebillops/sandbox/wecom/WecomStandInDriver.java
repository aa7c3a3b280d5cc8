package cn.ebillops.sandbox.wecom;

import cn.ebillops.wecom.WecomCrypto;
import cn.ebillops.wecom.WecomProperties;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Plays WeCom's side of the callbacks: builds real encrypted, signed callbacks (AI bot JSON,
 * receiveid ""; self-built app XML, receiveid = corp id) and posts them to this app on loopback.
 */
@Component
@ConditionalOnProperty(name = "ebillops.sandbox.enabled", havingValue = "true")
public class WecomStandInDriver {

    /** The query parameters and body of one signed callback (tests tamper with them). */
    public record Signed(String signature, String timestamp, String nonce, String encrypt) {

        public Signed withSignature(String s) {
            return new Signed(s, timestamp, nonce, encrypt);
        }

        public Signed withTimestamp(String t) {
            return new Signed(signature, t, nonce, encrypt);
        }

        public String query() {
            return "msg_signature=" + enc(signature) + "&timestamp=" + enc(timestamp) + "&nonce=" + enc(nonce);
        }
    }

    private final WecomProperties props;
    private final WecomStandIn standIn;
    private final Environment env;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public WecomStandInDriver(WecomProperties props, WecomStandIn standIn, Environment env, Clock clock,
                              ObjectMapper mapper) {
        this.props = props;
        this.standIn = standIn;
        this.env = env;
        this.clock = clock;
        this.mapper = mapper;
    }

    public boolean aibotCallbackConfigured() {
        return props.aibot().callbackEnabled();
    }

    public WecomCrypto aibotCrypto() {
        return new WecomCrypto(props.aibot().token(), props.aibot().encodingAesKey(), "");
    }

    public WecomCrypto appCrypto() {
        return new WecomCrypto(props.app().token(), props.app().encodingAesKey(), props.app().corpId());
    }

    public Signed sign(WecomCrypto crypto, String plain) {
        String encrypt = crypto.encrypt(plain);
        String ts = Long.toString(clock.instant().getEpochSecond());
        String nonce = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000L);
        return new Signed(crypto.signature(ts, nonce, encrypt), ts, nonce, encrypt);
    }

    /** An AI bot text message in a group, with a fresh one-use response_url of the stand-in. */
    public String aibotText(String chatId, String userId, String text, String msgId) {
        return aibotMessage(chatId, userId, msgId, StandInFrames.Inbound.text(text));
    }

    /** An AI bot message of any type in a group, as on the long connection plus a fresh one-use response_url. */
    public String aibotMessage(String chatId, String userId, String msgId, StandInFrames.Inbound inbound) {
        var origin = new StandInFrames.Origin(props.aibot().botId(), chatId, "group", userId);
        Map<String, Object> m = StandInFrames.message(origin, msgId, clock.instant(), inbound);
        m.put("response_url", base() + "/sandbox/wecom/response/" + standIn.newResponseUrlId(chatId));
        return mapper.writeValueAsString(m);
    }

    public String appText(String userId, String text, String msgId) {
        return "<xml><ToUserName><![CDATA[" + props.app().corpId() + "]]></ToUserName><FromUserName><![CDATA["
                + userId + "]]></FromUserName><CreateTime>" + clock.instant().getEpochSecond()
                + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + text
                + "]]></Content><MsgId>" + msgId + "</MsgId><AgentID>" + props.app().agentId() + "</AgentID></xml>";
    }

    public String appCardClick(String userId, String eventKey, String taskId) {
        return "<xml><ToUserName><![CDATA[" + props.app().corpId() + "]]></ToUserName><FromUserName><![CDATA["
                + userId + "]]></FromUserName><CreateTime>" + clock.instant().getEpochSecond()
                + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event>"
                + "<EventKey><![CDATA[" + eventKey + "]]></EventKey><TaskId><![CDATA[" + taskId + "]]></TaskId>"
                + "<CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[rc-" + UUID.randomUUID()
                + "]]></ResponseCode><AgentID>" + props.app().agentId() + "</AgentID></xml>";
    }

    public HttpResponse<String> postAibot(String plainJson) {
        Signed s = sign(aibotCrypto(), plainJson);
        return post("/wecom/aibot/callback?" + s.query(), aibotEnvelope(s), "application/json");
    }

    public HttpResponse<String> postApp(String plainXml) {
        Signed s = sign(appCrypto(), plainXml);
        return post("/wecom/app/callback?" + s.query(), appEnvelope(s), "text/xml");
    }

    public String aibotEnvelope(Signed s) {
        return mapper.writeValueAsString(Map.of("encrypt", s.encrypt()));
    }

    public String appEnvelope(Signed s) {
        return "<xml><ToUserName><![CDATA[" + props.app().corpId() + "]]></ToUserName><AgentID><![CDATA["
                + props.app().agentId() + "]]></AgentID><Encrypt><![CDATA[" + s.encrypt() + "]]></Encrypt></xml>";
    }

    /** The URL check WeCom does when the callback URL is saved (GET with echostr). */
    public HttpResponse<String> urlCheck(String path, WecomCrypto crypto, String echo) {
        Signed s = sign(crypto, echo);
        return get(path + "?" + s.query() + "&echostr=" + enc(s.encrypt()));
    }

    public HttpResponse<String> post(String pathAndQuery, String body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).timeout(Duration.ofSeconds(10))
                .GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("stand-in driver: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public String base() {
        return "http://127.0.0.1:" + env.getRequiredProperty("local.server.port");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
