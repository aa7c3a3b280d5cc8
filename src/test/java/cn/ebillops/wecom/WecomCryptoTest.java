package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WecomCryptoTest {

    // The official test vector (self-built app, XML), see shared/reference/wecom.md.
    static final String TOKEN = "QDG6eK";
    static final String KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    static final String CORP_ID = "wx5823bf96d3bd56c7";

    private final WecomCrypto app = new WecomCrypto(TOKEN, KEY, CORP_ID);

    @Test
    void officialUrlCheckVerifiesAndDecryptsToTheEchoString() {
        String echostr = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
        assertThat(app.verify("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780", echostr)).isTrue();
        assertThat(app.decrypt(echostr)).isEqualTo("1616140317555161061");
    }

    @Test
    void officialMessageVerifiesAndDecryptsToHelloFromMycreate() {
        String encrypt = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
        assertThat(app.verify("477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149", encrypt)).isTrue();
        Map<String, String> msg = SafeXml.parseFlat(app.decrypt(encrypt));
        assertThat(msg).containsEntry("Content", "hello").containsEntry("FromUserName", "mycreate")
                .containsEntry("MsgId", "4561255354251345929").containsEntry("AgentID", "218");
    }

    @Test
    void wrongSignatureIsNotVerified() {
        assertThat(app.verify("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd4", "1409659589", "263014780", "x")).isFalse();
        assertThat(app.verify(null, "1", "2", "x")).isFalse();
    }

    @Test
    void encryptDecryptRoundTripsForEveryPaddingLength() {
        WecomCrypto aibot = new WecomCrypto("tok", KEY, "");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 70; i++) {
            assertThat(aibot.decrypt(aibot.encrypt(text.toString()))).isEqualTo(text.toString());
            assertThat(app.decrypt(app.encrypt(text.toString()))).isEqualTo(text.toString());
            text.append(i % 3 == 0 ? "开" : "a");
        }
        String json = "{\"msgid\":\"1\",\"text\":{\"content\":\"@助手 开票失败 😀\"}}";
        assertThat(aibot.decrypt(aibot.encrypt(json))).isEqualTo(json);
    }

    @Test
    void jsonPassiveReplyCarriesMsgsignatureOverTheCallbacksNonce() {
        WecomCrypto aibot = new WecomCrypto("tok", KEY, "");
        Map<String, String> reply = aibot.jsonReply("{\"msgtype\":\"text\"}", "1700000000", "nonce-1");
        assertThat(reply).containsOnlyKeys("encrypt", "msgsignature", "timestamp", "nonce");
        assertThat(reply.get("nonce")).isEqualTo("nonce-1");
        assertThat(aibot.verify(reply.get("msgsignature"), "1700000000", "nonce-1", reply.get("encrypt"))).isTrue();
        assertThat(aibot.decrypt(reply.get("encrypt"))).isEqualTo("{\"msgtype\":\"text\"}");
    }

    @Test
    void malformedKeyIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> new WecomCrypto("t", "short", "")).hasMessageContaining("EncodingAESKey");
    }

    @Test
    void aMessageEncryptedForAnotherReceiverIsRefused() {
        WecomCrypto otherCorp = new WecomCrypto(TOKEN, KEY, "ww-someone-else");
        WecomCrypto aibot = new WecomCrypto(TOKEN, KEY, "");
        String forOtherCorp = otherCorp.encrypt("<xml><Content>hello</Content></xml>");
        assertThatThrownBy(() -> app.decrypt(forOtherCorp)).isInstanceOf(WecomCrypto.WrongReceiveId.class)
                .hasMessageNotContaining("hello");
        assertThatThrownBy(() -> aibot.decrypt(app.encrypt("{}"))).isInstanceOf(WecomCrypto.WrongReceiveId.class);
        assertThatThrownBy(() -> app.decrypt(aibot.encrypt("{}"))).isInstanceOf(WecomCrypto.WrongReceiveId.class);
        // a receiveid that merely starts like ours is not ours
        assertThatThrownBy(() -> app.decrypt(new WecomCrypto(TOKEN, KEY, CORP_ID + "x").encrypt("{}")))
                .isInstanceOf(WecomCrypto.WrongReceiveId.class);
    }

    @Test
    void garbageCipherTextIsRefused() {
        assertThatThrownBy(() -> app.decrypt("bm90IGNpcGhlcg==")).isInstanceOf(IllegalArgumentException.class);
        // right length, wrong key: the padding does not check out
        String other = new WecomCrypto(TOKEN, "A".repeat(42) + "A", CORP_ID).encrypt("hello");
        assertThatThrownBy(() -> app.decrypt(other)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitterKeepsPartsUnderTheByteLimitOnCharacterBoundaries() {
        String text = "告警".repeat(3000) + "\n" + "abc😀".repeat(500);
        var parts = MarkdownSplitter.split(text, 4096);
        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts).allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096));
        assertThat(String.join("", parts)).isEqualTo(text);
        assertThat(MarkdownSplitter.split("短消息", 4096)).containsExactly("短消息");
    }

    @Test
    void splitterPrefersLineBreaks() {
        String line = "x".repeat(30) + "\n";
        var parts = MarkdownSplitter.split(line.repeat(10), 100);
        assertThat(parts).allSatisfy(p -> assertThat(p).endsWith("\n"));
    }

    @Test
    void cardButtonKeysRoundTrip() {
        assertThat(CardActions.incidentButtons(12)).extracting(WecomAppClient.CardButton::text)
                .containsExactly("接单", "已到场", "已解决");
        assertThat(cn.ebillops.incident.IncidentActions.ButtonKey.parse("incident:RESOLVE:12")).hasValueSatisfying(k -> assertThat(k.number()).isEqualTo(12));
        assertThat(cn.ebillops.incident.IncidentActions.ButtonKey.parse("incident:DROP:12")).isEmpty();
        assertThat(cn.ebillops.incident.IncidentActions.ButtonKey.parse("other")).isEmpty();
    }
}
