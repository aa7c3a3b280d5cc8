package cn.ebillops.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 15 item 1(c): {@link WecomCrypto} against WeCom's own npm SDK {@code @wecom/crypto} 1.0.1,
 * both ways. The vectors in {@link WecomCryptoTest} prove decryption of two fixed messages; this
 * proves that what WeCom's code encrypts and signs we accept, and what we encrypt and sign WeCom's
 * code accepts, for the bodies we really exchange (Chinese, long, XML, JSON) and every padding
 * length. The SDK runs in Node (src/test/node/wecom-sdk/crypto-cli.mjs); scripts/test.sh installs
 * it. A missing Node or SDK fails the test instead of skipping it, so the proof cannot quietly
 * disappear from CI.
 */
class OfficialCryptoInteropTest {

    private static final Path SDK_DIR = Path.of("src/test/node/wecom-sdk").toAbsolutePath();
    private static final String HOW_TO_FIX = "run scripts/test.sh (it runs `npm ci --prefix src/test/node/wecom-sdk`"
            + " before Maven; needs Node.js 20 on the PATH)";

    private static final String TOKEN = WecomCryptoTest.TOKEN;
    private static final String KEY = WecomCryptoTest.KEY;
    private static final String CORP_ID = WecomCryptoTest.CORP_ID;
    private static final String TIMESTAMP = "1764900000";
    private static final String NONCE = "n0nce-42";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A self-built app's callback: XML, receiveid = corp id. */
    private static final String APP_XML = "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName>"
            + "<FromUserName><![CDATA[chenxia]]></FromUserName><CreateTime>1764900000</CreateTime>"
            + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[@助手 开票失败，门诊收费处打不出电子票据]]></Content>"
            + "<MsgId>7450000000000000001</MsgId><AgentID>1000002</AgentID></xml>";

    /** An AI bot's callback: JSON, receiveid = "". */
    private static final String AIBOT_JSON = "{\"msgid\":\"c7e1\",\"aibotid\":\"aib-1\",\"chatid\":\"wr_cashier\","
            + "\"chattype\":\"group\",\"from\":{\"userid\":\"chenxia\"},\"msgtype\":\"text\","
            + "\"text\":{\"content\":\"@助手 开票失败 😀 \\\"引号\\\" \\\\ 反斜杠\"}}";

    private static final String LONG_TEXT = longText();

    private final WecomCrypto app = new WecomCrypto(TOKEN, KEY, CORP_ID);
    private final WecomCrypto aibot = new WecomCrypto(TOKEN, KEY, "");

    @BeforeAll
    static void officialSdkIsInstalled() throws IOException {
        Path pkg = SDK_DIR.resolve("node_modules/@wecom/crypto/package.json");
        if (!Files.isRegularFile(pkg)) {
            fail("WeCom's @wecom/crypto is not installed in " + SDK_DIR + ": " + HOW_TO_FIX);
        }
        String version = JSON.readTree(pkg.toFile()).path("version").asString();
        if (!"1.0.1".equals(version)) {
            fail("@wecom/crypto " + version + " is installed, 1.0.1 is pinned: " + HOW_TO_FIX);
        }
    }

    @Test
    void whatTheOfficialSdkEncryptsAndSignsWecomCryptoVerifiesAndDecrypts() {
        List<Case> cases = bodies();
        List<JsonNode> sealed = sdk(cases.stream().map(c -> encryptCommand(c.receiveId, c.plain)).toList());
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String encrypt = sealed.get(i).get("encrypt").asString();
            String signature = sealed.get(i).get("msgSignature").asString();
            WecomCrypto ours = c.receiveId.isEmpty() ? aibot : app;
            assertThat(ours.verify(signature, TIMESTAMP, NONCE, encrypt)).as(c.name).isTrue();
            assertThat(ours.signature(TIMESTAMP, NONCE, encrypt)).as(c.name).isEqualTo(signature);
            assertThat(ours.decrypt(encrypt)).as(c.name).isEqualTo(c.plain);
        }
    }

    @Test
    void whatWecomCryptoEncryptsAndSignsTheOfficialSdkVerifiesAndDecrypts() {
        List<Case> cases = bodies();
        List<Map<String, String>> commands = new ArrayList<>();
        for (Case c : cases) {
            WecomCrypto ours = c.receiveId.isEmpty() ? aibot : app;
            String encrypt = ours.encrypt(c.plain);
            commands.add(decryptCommand(c.receiveId, encrypt, ours.signature(TIMESTAMP, NONCE, encrypt)));
        }
        List<JsonNode> opened = sdk(commands);
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            assertThat(opened.get(i).get("ok").asBoolean()).as(c.name + ": " + opened.get(i)).isTrue();
            assertThat(opened.get(i).get("message").asString()).as(c.name).isEqualTo(c.plain);
            assertThat(opened.get(i).get("id").asString()).as(c.name).isEqualTo(c.receiveId);
        }
    }

    @Test
    void theAiBotsJsonPassiveReplyIsAcceptedByTheOfficialSdk() {
        // The reply's key is "msgsignature" (no underscore); what matters is that its value is the
        // signature WeCom's code computes over the callback's timestamp and nonce.
        String reply = "{\"msgtype\":\"stream\",\"stream\":{\"id\":\"s1\",\"finish\":true,\"content\":\"已登记故障单 INC-0001\"}}";
        Map<String, String> passive = aibot.jsonReply(reply, TIMESTAMP, NONCE);
        JsonNode opened = sdk(List.of(decryptCommand("", passive.get("encrypt"), passive.get("msgsignature")))).get(0);
        assertThat(opened.get("ok").asBoolean()).as(opened.toString()).isTrue();
        assertThat(opened.get("message").asString()).isEqualTo(reply);
    }

    @Test
    void theReceiveIdIsCarriedAndCheckedBothWays() {
        List<JsonNode> sealed = sdk(List.of(
                encryptCommand("ww-someone-else", APP_XML),
                encryptCommand("", AIBOT_JSON),
                encryptCommand(CORP_ID, AIBOT_JSON),
                encryptCommand(CORP_ID + "x", APP_XML)));
        // A message the official SDK encrypted for another receiver is refused by us.
        assertThatThrownBy(() -> app.decrypt(sealed.get(0).get("encrypt").asString()))
                .isInstanceOf(WecomCrypto.WrongReceiveId.class).hasMessageNotContaining("开票失败");
        assertThatThrownBy(() -> app.decrypt(sealed.get(1).get("encrypt").asString()))
                .isInstanceOf(WecomCrypto.WrongReceiveId.class);
        assertThatThrownBy(() -> aibot.decrypt(sealed.get(2).get("encrypt").asString()))
                .isInstanceOf(WecomCrypto.WrongReceiveId.class);
        assertThatThrownBy(() -> app.decrypt(sealed.get(3).get("encrypt").asString()))
                .isInstanceOf(WecomCrypto.WrongReceiveId.class);

        // What we encrypt for another receiver, the official SDK decrypts to that receiver's id.
        // (@wecom/crypto returns the id and leaves the comparison to its caller; the script compares.)
        WecomCrypto otherCorp = new WecomCrypto(TOKEN, KEY, "ww-someone-else");
        String forOther = otherCorp.encrypt(APP_XML);
        String forBot = aibot.encrypt(AIBOT_JSON);
        List<JsonNode> opened = sdk(List.of(
                decryptCommand(CORP_ID, forOther, app.signature(TIMESTAMP, NONCE, forOther)),
                decryptCommand(CORP_ID, forBot, app.signature(TIMESTAMP, NONCE, forBot))));
        assertThat(opened.get(0).get("error").asString()).isEqualTo("wrong_receiveid");
        assertThat(opened.get(0).get("id").asString()).isEqualTo("ww-someone-else");
        assertThat(opened.get(1).get("error").asString()).isEqualTo("wrong_receiveid");
        assertThat(opened.get(1).get("id").asString()).isEmpty();
    }

    @Test
    void aTamperedSignatureIsRefusedByBoth() {
        // Signed by the official SDK, one hex digit changed: we refuse it.
        JsonNode sealed = sdk(List.of(encryptCommand(CORP_ID, APP_XML))).get(0);
        String encrypt = sealed.get("encrypt").asString();
        String signature = sealed.get("msgSignature").asString();
        assertThat(app.verify(tamper(signature), TIMESTAMP, NONCE, encrypt)).isFalse();
        // The right signature over another timestamp, nonce or cipher text is just as wrong.
        assertThat(app.verify(signature, "1764900001", NONCE, encrypt)).isFalse();
        assertThat(app.verify(signature, TIMESTAMP, NONCE + "x", encrypt)).isFalse();
        assertThat(app.verify(signature, TIMESTAMP, NONCE, tamperCipher(encrypt))).isFalse();

        // Signed by us, tampered the same ways: the official SDK refuses it.
        String ours = app.encrypt(APP_XML);
        String ourSignature = app.signature(TIMESTAMP, NONCE, ours);
        Map<String, String> wrongTimestamp = decryptCommand(CORP_ID, ours, ourSignature);
        wrongTimestamp.put("timestamp", "1764900001");
        List<JsonNode> opened = sdk(List.of(
                decryptCommand(CORP_ID, ours, tamper(ourSignature)),
                wrongTimestamp,
                decryptCommand(CORP_ID, tamperCipher(ours), ourSignature),
                decryptCommand(CORP_ID, ours, ourSignature)));
        for (int i = 0; i < 3; i++) {
            assertThat(opened.get(i).get("ok").asBoolean()).as("tampered case " + i).isFalse();
            assertThat(opened.get(i).get("error").asString()).as("tampered case " + i).isEqualTo("bad_signature");
        }
        // The untampered control: the refusals above came from the tampering, not the setup.
        assertThat(opened.get(3).get("ok").asBoolean()).as(opened.get(3).toString()).isTrue();
    }

    // ---- cases ----

    private record Case(String name, String receiveId, String plain) {
    }

    /** Each body for both receivers, plus every length across two 32-byte pads (ASCII and Chinese). */
    private static List<Case> bodies() {
        List<Case> cases = new ArrayList<>();
        Map<String, String> named = new LinkedHashMap<>();
        named.put("empty", "");
        named.put("Chinese", "@助手 开票失败，门诊收费处打不出电子票据，急！");
        named.put("emoji", "😀👍🏻 开票 ok");
        named.put("long text", LONG_TEXT);
        named.put("app XML", APP_XML);
        named.put("AI bot JSON", AIBOT_JSON);
        named.put("URL-check echostr", "1616140317555161061");
        for (Map.Entry<String, String> e : named.entrySet()) {
            cases.add(new Case(e.getKey() + " for the app", CORP_ID, e.getValue()));
            cases.add(new Case(e.getKey() + " for the AI bot", "", e.getValue()));
        }
        StringBuilder ascii = new StringBuilder();
        StringBuilder chinese = new StringBuilder();
        for (int n = 0; n <= 66; n++) {
            cases.add(new Case(n + " ASCII bytes", CORP_ID, ascii.toString()));
            cases.add(new Case(n + " Chinese characters", "", chinese.toString()));
            ascii.append((char) ('a' + n % 26));
            chinese.append("开票失败".charAt(n % 4));
        }
        return cases;
    }

    /** Over 20 KB of UTF-8: longer than one WeCom message, as a long diagnosis is before it is split. */
    private static String longText() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; sb.toString().getBytes(StandardCharsets.UTF_8).length < 24_000; i++) {
            sb.append(i).append(". 检查项 数据库连接池 使用率 87% — 超过阈值 80%，建议扩容；<b>&amp;</b> \"quoted\"\n");
        }
        return sb.toString();
    }

    private static Map<String, String> encryptCommand(String receiveId, String plain) {
        Map<String, String> cmd = base("encrypt", receiveId);
        cmd.put("plaintext", plain);
        return cmd;
    }

    private static Map<String, String> decryptCommand(String receiveId, String encrypt, String msgSignature) {
        Map<String, String> cmd = base("decrypt", receiveId);
        cmd.put("encrypt", encrypt);
        cmd.put("msgSignature", msgSignature);
        return cmd;
    }

    private static Map<String, String> base(String op, String receiveId) {
        Map<String, String> cmd = new LinkedHashMap<>();
        cmd.put("op", op);
        cmd.put("token", TOKEN);
        cmd.put("encodingAESKey", KEY);
        cmd.put("receiveId", receiveId);
        cmd.put("timestamp", TIMESTAMP);
        cmd.put("nonce", NONCE);
        return cmd;
    }

    private static String tamper(String hex) {
        char last = hex.charAt(hex.length() - 1);
        return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
    }

    /** Still valid Base64 of the same length, so only the signature can catch it. */
    private static String tamperCipher(String base64) {
        char first = base64.charAt(0);
        return (first == 'A' ? 'B' : 'A') + base64.substring(1);
    }

    // ---- running the official SDK ----

    /** Runs crypto-cli.mjs once for a batch of commands; results in the same order. */
    private static List<JsonNode> sdk(List<Map<String, String>> commands) {
        Path in = null;
        Path out = null;
        Path err = null;
        try {
            in = Files.createTempFile("wecom-sdk-in", ".json");
            out = Files.createTempFile("wecom-sdk-out", ".json");
            err = Files.createTempFile("wecom-sdk-err", ".txt");
            JSON.writeValue(in.toFile(), commands);
            // Files, not pipes: a large batch would fill a pipe and block both sides.
            Process p;
            try {
                p = new ProcessBuilder("node", "crypto-cli.mjs").directory(SDK_DIR.toFile())
                        .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            } catch (IOException e) {
                return fail("cannot start `node` (" + e.getMessage() + "): install Node.js 20 and " + HOW_TO_FIX);
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return fail("crypto-cli.mjs did not finish in 60 s");
            }
            if (p.exitValue() != 0) {
                return fail("crypto-cli.mjs exited " + p.exitValue() + ": " + Files.readString(err)
                        + "\nIf a module is missing: " + HOW_TO_FIX);
            }
            JsonNode results = JSON.readTree(out.toFile());
            assertThat(results.size()).as("one result per command").isEqualTo(commands.size());
            List<JsonNode> list = new ArrayList<>();
            results.forEach(list::add);
            return list;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            for (Path f : new Path[] {in, out, err}) {
                if (f != null) {
                    try {
                        Files.deleteIfExists(f);
                    } catch (IOException ignored) {
                        // a leftover temp file is harmless
                    }
                }
            }
        }
    }
}
