package cn.ebillops.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.channel.ChatSender;
import cn.ebillops.channel.OutboundMessage;
import cn.ebillops.config.BotConfig;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.incident.FaultReport;
import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentActions;
import cn.ebillops.incident.IncidentNotifier;
import cn.ebillops.incident.IncidentService;
import cn.ebillops.testsupport.ConsoleLogin;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * 我的消息 over the console API: the direct messages and cards the assistant sends a person are theirs alone,
 * and a card's button acts through the incident actions port as the logged-in person (never the body's userId).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleDirectMessagesTest {

    @LocalServerPort
    int port;
    @Autowired
    ChatSender sender;
    @Autowired
    IncidentService incidents;
    @Autowired
    IncidentNotifier notifier;
    @Autowired
    BotConfig config;
    @Autowired
    ConsoleMessages messages;
    @Autowired
    ConsoleTranscript transcript;

    private final ObjectMapper json = new ObjectMapper();

    private List<JsonNode> direct(ConsoleLogin who) {
        HttpResponse<String> res = who.get("/api/console/direct?after=0");
        assertThat(res.statusCode()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        json.readTree(res.body()).forEach(out::add);
        return out;
    }

    private static JsonNode containing(List<JsonNode> lines, String text) {
        return lines.stream().filter(l -> l.get("text").asString().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + text + " in " + lines));
    }

    @Test
    void directMessagesAreShownToTheirRecipientOnlyMaskedAndOnce() {
        String marker = "私信-" + UUID.randomUUID();
        OutboundMessage dm = OutboundMessage.toPerson("ligong", "### " + marker + "\n患者电话 13800138000")
                .withDedupKey("test:" + marker);
        sender.send(dm);
        sender.send(dm); // a retry for a route that failed: the console shows it once

        ConsoleLogin ligong = ConsoleLogin.as(port, "ligong");
        List<JsonNode> mine = direct(ligong).stream().filter(l -> l.get("text").asString().contains(marker)).toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("text").asString()).contains("138****8000").doesNotContain("13800138000");
        assertThat(mine.get(0).get("fromName").asString()).isEqualTo("运维助手");
        assertThat(mine.get(0).get("at").asLong()).isPositive();
        ConsoleLogin chenxia = ConsoleLogin.as(port, "chenxia");
        assertThat(direct(chenxia)).noneMatch(l -> l.get("text").asString().contains(marker));
        // logged in, a userId in the query names nobody: the session does
        assertThat(chenxia.get("/api/console/direct?after=0&userId=ligong").body()).doesNotContain(marker);
        // nor in any group
        assertThat(ligong.get("/api/console/chats/wr_it/messages").body()).doesNotContain(marker);
    }

    @Test
    void cardButtonActsAsTheLoggedInEngineerAndIsRefusedForStaff() {
        Incident incident = incidents.report(new FaultReport(config.person("huangwei"), "wr_cashier",
                "开票失败 " + UUID.randomUUID(), Severity.II, Area.DELIVERY)).incident();
        long number = incident.number();
        String ack = IncidentActions.buttonKey(IncidentActions.Action.ACK, number);
        notifier.toEngineer("chenxia", incident, "请接单（给职工的卡片）#" + number, null);
        notifier.toEngineer("zhanggong", incident, "请接单（给工程师的卡片）#" + number, null);

        ConsoleLogin chenxia = ConsoleLogin.as(port, "chenxia");
        JsonNode staffCard = containing(direct(chenxia), "给职工的卡片）#" + number);
        assertThat(staffCard.get("buttons")).hasSize(3);
        assertThat(staffCard.get("buttons").get(0).get("key").asString()).isEqualTo(ack);
        // the body says the manager pressed it: the session's person (staff) is who acts
        HttpResponse<String> refused = chenxia.postJson("/api/console/direct/" + staffCard.get("seq").asLong() + "/press",
                "{\"key\":\"" + ack + "\",\"userId\":\"wangjingli\"}");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(json.readTree(refused.body()).get("done").asBoolean()).isFalse();
        assertThat(incidents.find(number).orElseThrow().acknowledgedAt()).isNull();
        // the refusal reaches the presser as a direct message
        assertThat(direct(chenxia)).last().satisfies(l -> assertThat(l.get("text").asString()).contains("只有运维工程师"));

        ConsoleLogin zhanggong = ConsoleLogin.as(port, "zhanggong");
        // someone else's card is not his to press, even for an action he may do
        assertThat(zhanggong.postJson("/api/console/direct/" + staffCard.get("seq").asLong() + "/press",
                "{\"key\":\"" + ack + "\"}").statusCode()).isEqualTo(404);
        JsonNode card = containing(direct(zhanggong), "给工程师的卡片）#" + number);
        String press = "/api/console/direct/" + card.get("seq").asLong() + "/press";
        assertThat(zhanggong.postJson(press, "{\"key\":\"incident:ACK:" + (number + 1000) + "\"}").statusCode())
                .as("a key that is not on the card").isEqualTo(400);
        JsonNode done = json.readTree(zhanggong.postJson(press, "{\"key\":\"" + ack + "\"}").body());
        assertThat(done.get("done").asBoolean()).isTrue();
        assertThat(done.get("result").asString()).isEqualTo("接单 · 张工");
        assertThat(incidents.find(number).orElseThrow().acknowledgedBy()).isEqualTo("zhanggong");
        // the card remembers what its button did (the page shows it instead of the buttons after a reload)
        assertThat(containing(direct(zhanggong), "给工程师的卡片）#" + number).get("result").asString())
                .isEqualTo("接单 · 张工");
    }

    @Test
    void linesOlderThanTheRetentionAreRemoved() {
        Instant now = Instant.now();
        String who = "retention-" + UUID.randomUUID().toString().substring(0, 8);
        messages.insert(null, who, "assistant", "运维助手", "旧的", List.of(), null, now.minus(Duration.ofDays(91)));
        messages.insert(null, who, "assistant", "还在期限内", "新的", List.of(), null, now.minus(Duration.ofDays(89)));
        transcript.purge(now);
        assertThat(transcript.directSince(who, 0)).extracting(ConsoleTranscript.Line::text).containsExactly("新的");
    }
}
