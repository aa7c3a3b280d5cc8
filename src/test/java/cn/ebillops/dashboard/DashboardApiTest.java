package cn.ebillops.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.Assistant;
import cn.ebillops.channel.InboundMessage;
import cn.ebillops.channel.Reply;
import cn.ebillops.config.BotConfig;
import cn.ebillops.incident.availability.AvailabilityService;
import cn.ebillops.testsupport.ConsoleLogin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The dashboard's JSON as the pages read it, with the production security (console login): Now and Incidents
 * behind the login, the public status without it and without anything that names a person; chat answers link to
 * the views.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardApiTest {

    static final String PHONE_IN_TEXT = "13912345678";
    private static final Pattern NUMBER = Pattern.compile("故障单 #(\\d+)");

    @LocalServerPort int port;
    @Autowired BotConfig config;
    @Autowired AvailabilityService availability;
    @Autowired Assistant assistant;
    @Autowired Clock clock;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient anonymous = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * 陈霞 reports a fault in the cashiers' group, her phone in the text; the incident's number. Straight to the
     * assistant: the first message of a context trains the intent model (a minute on a busy machine).
     */
    static long reportByChenxia(Assistant assistant, Clock clock) {
        String text = "开票失败，一直转圈，我是陈霞，电话 " + PHONE_IN_TEXT;
        String reply = assistant.handle(new InboundMessage("console", "wr_cashier", "chenxia", text,
                UUID.randomUUID().toString(), clock.instant())).replies().stream().map(Reply::markdown)
                .reduce("", String::concat);
        Matcher m = NUMBER.matcher(reply);
        assertThat(m.find()).as("an incident number in " + reply).isTrue();
        return Long.parseLong(m.group(1));
    }

    private HttpResponse<String> anonymousGet(String path) throws Exception {
        return anonymous.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void publicStatusNamesNobodyEvenWhileAnIncidentReportedWithAPhoneNumberIsOpen() throws Exception {
        long number = reportByChenxia(assistant, clock);
        availability.probe();
        JsonNode incident = json.readTree(ConsoleLogin.as(port, "zhanggong").get("/api/dashboard/incidents/" + number).body());
        assertThat(incident.get("open").asBoolean()).isTrue();

        HttpResponse<String> res = anonymousGet("/api/public/status");
        assertThat(res.statusCode()).isEqualTo(200);
        String body = res.body();
        JsonNode status = json.readTree(body);
        assertThat(status.get("incidents").valueStream().map(i -> i.get("area").asString() + i.get("level").asString()))
                .contains(incident.get("area").asString() + incident.get("level").asString());
        assertThat(status.get("functions").valueStream().map(f -> f.get("name").asString()))
                .containsExactly("电子票据平台接口与功能", "签名验签服务器");
        assertThat(status.get("functions").valueStream().map(f -> f.get("probedAt").asString())).doesNotContainNull();
        Stream.concat(Stream.of(PHONE_IN_TEXT, "wr_cashier", "一直转圈"),
                        config.people().stream().flatMap(p -> Stream.of(p.userId(), p.name(), p.phone())))
                .filter(s -> s != null && !s.isBlank())
                .forEach(s -> assertThat(body).as("public status").doesNotContain(s));
        assertThat(anonymousGet("/console/status.html").statusCode()).isEqualTo(200);
    }

    @Test
    void nowAndIncidentsAnswerOnlyWithALoginAndShowTheOpenIncidentWithItsClocksAndTimeline() throws Exception {
        assertThat(anonymousGet("/api/dashboard/now").statusCode()).isEqualTo(401);
        assertThat(anonymousGet("/api/dashboard/incidents").statusCode()).isEqualTo(401);
        long number = reportByChenxia(assistant, clock);
        ConsoleLogin engineer = ConsoleLogin.as(port, "zhanggong");

        JsonNode now = json.readTree(engineer.get("/api/dashboard/now").body());
        JsonNode open = now.get("incidents").valueStream().filter(i -> i.get("number").asLong() == number)
                .findFirst().orElseThrow();
        assertThat(open.get("clocks").valueStream().map(c -> c.get("clock").asString())).contains("RESPONSE", "RESOLUTION");
        assertThat(open.get("clocks").get(0).get("colour").asString()).isIn("GREEN", "AMBER", "RED");
        assertThat(now.get("duty").get("engineer").get("name").asString()).isNotBlank();

        JsonNode list = json.readTree(engineer.get("/api/dashboard/incidents?state=ACTIVE&level=").body());
        assertThat(list.get("incidents").valueStream().map(i -> i.get("number").asLong())).contains(number);
        JsonNode none = json.readTree(engineer.get("/api/dashboard/incidents?state=CLOSED").body());
        assertThat(none.get("incidents").valueStream().map(i -> i.get("number").asLong())).doesNotContain(number);
        assertThat(engineer.get("/api/dashboard/incidents?level=IV").statusCode()).isEqualTo(400);

        JsonNode detail = json.readTree(engineer.get("/api/dashboard/incidents/" + number).body());
        assertThat(detail.get("timeline").valueStream().map(e -> e.get("kindLabel").asString())).contains("建单");
        assertThat(detail.get("reporters").valueStream().map(r -> r.get("name").asString())).contains("陈霞");
        assertThat(engineer.get("/api/dashboard/incidents/999999").statusCode()).isEqualTo(404);
    }

    @Test
    void statusAndIncidentAnswersLinkToTheirViews() {
        long number = reportByChenxia(assistant, clock);
        ConsoleLogin engineer = ConsoleLogin.as(port, "zhanggong");
        String status = engineer.postJson("/api/console/messages", """
                {"chatId":"wr_it","text":"/status"}""").body();
        assertThat(status).contains("/console/dashboard/now.html)");
        String one = engineer.postJson("/api/console/messages", """
                {"chatId":"wr_it","text":"/incident %d"}""".formatted(number)).body();
        assertThat(one).contains("/console/dashboard/incidents.html#" + number + ")");
    }
}
