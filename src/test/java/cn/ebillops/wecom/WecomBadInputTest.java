package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.sandbox.wecom.WecomStandInDriver.Signed;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Refused callbacks: each gets its status and a JSON error, is logged without its content, and
 * nothing reaches the assistant (its de-duplication key for the message id is never set).
 */
@ExtendWith(OutputCaptureExtension.class)
class WecomBadInputTest extends WecomStandInTestBase {

    static final String SECRET_TEXT = "患者张三身份证440101199001011234开票失败";

    private String msgId;
    private CapturedOutput output;

    private String aibotJson(String botId) {
        msgId = unique("bad-");
        return """
                {"msgid":"%s","aibotid":"%s","chatid":"wr_bad","chattype":"group","from":{"userid":"chenxia"},
                 "response_url":"http://127.0.0.1:1/none","msgtype":"text","text":{"content":"%s"}}"""
                .formatted(msgId, botId, SECRET_TEXT);
    }

    private void assertRefused(HttpResponse<String> r, int status, String code, CapturedOutput out) {
        this.output = out;
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.body()).contains("\"error\":\"" + code + "\"");
    }

    @AfterEach
    void nothingProcessedAndNothingLogged() {
        settle(); // the pipeline is asynchronous: a wrongly accepted message would be processed by now
        if (msgId != null) {
            assertThat(store.get("msg:wecom-aibot:" + msgId)).isNull();
            assertThat(store.get("msg:wecom-app:" + msgId)).isNull();
        }
        if (output != null) {
            assertThat(output.getAll()).doesNotContain(SECRET_TEXT).doesNotContain("440101199001011234")
                    .contains("wecom callback refused");
        }
    }

    @Test
    void wrongSignatureIsRefusedWith403(CapturedOutput out) {
        Signed s = driver.sign(driver.aibotCrypto(), aibotJson("bot-test")).withSignature("0".repeat(40));
        assertRefused(driver.post("/wecom/aibot/callback?" + s.query(), driver.aibotEnvelope(s), "application/json"),
                403, "bad_signature", out);
    }

    @Test
    void timestampMoreThanFiveMinutesOffIsRefusedWith403(CapturedOutput out) {
        var crypto = driver.aibotCrypto();
        Signed fresh = driver.sign(crypto, aibotJson("bot-test"));
        String old = Long.toString(Long.parseLong(fresh.timestamp()) - 301);
        Signed s = fresh.withTimestamp(old).withSignature(crypto.signature(old, fresh.nonce(), fresh.encrypt()));
        assertRefused(driver.post("/wecom/aibot/callback?" + s.query(), driver.aibotEnvelope(s), "application/json"),
                403, "stale_timestamp", out);
    }

    @Test
    void bodyOver64KbIsRefusedWith413(CapturedOutput out) {
        Signed s = driver.sign(driver.aibotCrypto(), aibotJson("bot-test"));
        String big = "{\"encrypt\":\"" + "A".repeat(70 * 1024) + "\"}";
        assertRefused(driver.post("/wecom/aibot/callback?" + s.query(), big, "application/json"),
                413, "body_too_large", out);
    }

    @Test
    void malformedJsonEnvelopeIsRefusedWith400(CapturedOutput out) {
        Signed s = driver.sign(driver.aibotCrypto(), aibotJson("bot-test"));
        assertRefused(driver.post("/wecom/aibot/callback?" + s.query(), "{\"encrypt\": " + SECRET_TEXT,
                "application/json"), 400, "malformed_json", out);
    }

    @Test
    void malformedJsonInsideTheCipherIsRefusedWith400(CapturedOutput out) {
        msgId = null;
        Signed s = driver.sign(driver.aibotCrypto(), "{\"msgid\": \"x\", " + SECRET_TEXT);
        assertRefused(driver.post("/wecom/aibot/callback?" + s.query(), driver.aibotEnvelope(s), "application/json"),
                400, "malformed_json", out);
    }

    @Test
    void unknownBotIdIsRefusedWith403(CapturedOutput out) {
        Signed s = driver.sign(driver.aibotCrypto(), aibotJson("someone-elses-bot"));
        assertRefused(driver.post("/wecom/aibot/callback?" + s.query(), driver.aibotEnvelope(s), "application/json"),
                403, "unknown_bot", out);
    }

    @Test
    void appMessageEncryptedForAnotherCorpIsRefusedWith403(CapturedOutput out) {
        msgId = unique("bad-");
        WecomCrypto otherCorp = new WecomCrypto("appToken", WecomCryptoTest.KEY, "ww-other-corp");
        Signed s = driver.sign(otherCorp, driver.appText("chenxia", SECRET_TEXT, msgId));
        assertRefused(driver.post("/wecom/app/callback?" + s.query(), driver.appEnvelope(s), "text/xml"),
                403, "wrong_receiveid", out);
    }

    @Test
    void aibotMessageWithANonEmptyReceiveidIsRefusedWith403(CapturedOutput out) {
        WecomCrypto withCorpId = new WecomCrypto("aibotToken", AIBOT_KEY, "ww-test-corp");
        Signed s = driver.sign(withCorpId, aibotJson("bot-test"));
        assertRefused(driver.post("/wecom/aibot/callback?" + s.query(), driver.aibotEnvelope(s), "application/json"),
                403, "wrong_receiveid", out);
    }

    @Test
    void malformedXmlIsRefusedWith400(CapturedOutput out) {
        msgId = unique("bad-");
        Signed s = driver.sign(driver.appCrypto(), driver.appText("chenxia", SECRET_TEXT, msgId));
        assertRefused(driver.post("/wecom/app/callback?" + s.query(), "<xml><Encrypt>" + s.encrypt() + "</Enc",
                "text/xml"), 400, "malformed_xml", out);
    }

    @Test
    void malformedXmlInsideTheCipherIsRefusedWith400(CapturedOutput out) {
        msgId = null;
        Signed s = driver.sign(driver.appCrypto(), "<xml><Content>" + SECRET_TEXT + "</xml>");
        assertRefused(driver.post("/wecom/app/callback?" + s.query(), driver.appEnvelope(s), "text/xml"),
                400, "malformed_xml", out);
    }

    @Test
    void xmlExternalEntityIsRefusedWith400(CapturedOutput out) {
        msgId = unique("bad-");
        Signed s = driver.sign(driver.appCrypto(), driver.appText("chenxia", SECRET_TEXT, msgId));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><Encrypt>" + s.encrypt() + "</Encrypt><X>&e;</X></xml>";
        assertRefused(driver.post("/wecom/app/callback?" + s.query(), xxe, "text/xml"), 400, "xml_doctype_refused", out);
    }

    @Test
    void xmlExternalEntityInsideTheCipherIsRefusedWith400(CapturedOutput out) {
        msgId = null;
        String inner = "<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><FromUserName>a</FromUserName>"
                + "<MsgType>text</MsgType><Content>&e;</Content><MsgId>1</MsgId></xml>";
        Signed s = driver.sign(driver.appCrypto(), inner);
        assertRefused(driver.post("/wecom/app/callback?" + s.query(), driver.appEnvelope(s), "text/xml"),
                400, "xml_doctype_refused", out);
    }

    @Test
    void appWrongSignatureIsRefusedWith403(CapturedOutput out) {
        msgId = unique("bad-");
        Signed s = driver.sign(driver.appCrypto(), driver.appText("chenxia", SECRET_TEXT, msgId))
                .withSignature("f".repeat(40));
        assertRefused(driver.post("/wecom/app/callback?" + s.query(), driver.appEnvelope(s), "text/xml"),
                403, "bad_signature", out);
    }

    @Test
    void urlCheckWithWrongSignatureIsRefused(CapturedOutput out) {
        msgId = null;
        Signed s = driver.sign(driver.aibotCrypto(), "echo").withSignature("1".repeat(40));
        assertRefused(driver.get("/wecom/aibot/callback?" + s.query() + "&echostr="
                + java.net.URLEncoder.encode(s.encrypt(), java.nio.charset.StandardCharsets.UTF_8)), 403, "bad_signature", out);
    }
}
