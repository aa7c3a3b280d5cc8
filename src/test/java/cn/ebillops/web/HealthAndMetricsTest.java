package cn.ebillops.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.nlu.MessageClassifier;
import cn.ebillops.contract.Area;
import cn.ebillops.contract.Severity;
import cn.ebillops.incident.Incident;
import cn.ebillops.incident.IncidentService;
import cn.ebillops.infra.InfraConfig;
import cn.ebillops.inspection.CheckResult;
import cn.ebillops.inspection.CheckStatus;
import cn.ebillops.inspection.InspectionCompleted;
import cn.ebillops.inspection.InspectionRun;
import cn.ebillops.inspection.InspectionScope;
import cn.ebillops.inspection.InspectionStore;
import cn.ebillops.testsupport.MutableClock;
import cn.ebillops.testsupport.RedisTestSupport;
import cn.ebillops.testsupport.TcpRelay;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 14, item 4, from outside: health on the main port (and only health), every metric on the
 * management port; the domain gauges follow an incident, its SLA clock and an inspection; readiness
 * is DEGRADED (HTTP 200) while a configured Redis is away and DOWN (503) without the database. Redis
 * is reached through a relay the test cuts; the database is closed by the last test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "ebillops.test.redis=false"})
@Import(HealthAndMetricsTest.TestClock.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext // the last test closes the data source
class HealthAndMetricsTest {

    static final TcpRelay REDIS = relayToRedis();
    static final String PREFIX = "ebillops-test-health-" + UUID.randomUUID().toString().substring(0, 8) + ":";

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-11-25T02:00:00Z"), InfraConfig.ZONE);
        }
    }

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("ebillops.redis.url", () -> "redis://" + TcpRelay.HOST + ":" + REDIS.port());
        registry.add("ebillops.redis.prefix", () -> PREFIX);
    }

    @AfterAll
    static void removeRedisKeys() {
        REDIS.close();
        RedisTestSupport.deleteKeys(PREFIX);
    }

    @LocalServerPort int port;
    @LocalManagementPort int managementPort;
    @Autowired IncidentService incidents;
    @Autowired InspectionStore inspections;
    @Autowired ApplicationEventPublisher events;
    @Autowired MessageClassifier classifier;
    @Autowired MutableClock clock;
    @Autowired HikariDataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    @Order(1)
    void healthAnswersOnTheMainPortAndMetricsOnlyOnTheManagementPort() {
        assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> readiness = get(port, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(readiness.body());
        assertThat(body.path("status").asString()).isEqualTo("UP");
        assertThat(body.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(body.path("components").path("redis").path("status").asString()).isEqualTo("UP");
        assertThat(json.readTree(get(port, "/actuator/health").body()).path("status").asString()).isEqualTo("UP");

        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/env", "/actuator")) {
            HttpResponse<String> r = get(port, path);
            assertThat(r.statusCode()).as("GET %s on the main port", path).isNotEqualTo(200);
            assertThat(r.body()).doesNotContain("ebillops_");
        }
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(scrape()).contains("# HELP ebillops_incidents_open");
        System.gc(); // a gauge whose state object is only weakly held reads NaN once it is collected
        for (String idle : List.of("ebillops_wecom_outbox_pending", "ebillops_wecom_outbox_failed",
                "ebillops_wecom_outbox_oldest_age_seconds", "ebillops_wecom_inbox_pending",
                "ebillops_wecom_inbox_oldest_age_seconds")) {
            assertThat(metric(idle, "application", "ebill-ops-assistant")).as(idle).isZero();
        }
    }

    @Test
    @Order(2)
    void anOpenedIncidentCountsByLevelAndItsResponseClockOnceOverdue() {
        assertThat(metric("ebillops_incidents_open", "level", "II")).isZero();
        Incident opened = incidents.monitorProblem(Area.ISSUANCE, Severity.II, "监控发现：开票接口无响应", "wr_it")
                .incident();
        assertThat(metric("ebillops_incidents_open", "level", "II")).isEqualTo(1);
        assertThat(metric("ebillops_incidents_open", "level", "I")).isZero();
        assertThat(metric("ebillops_sla_overdue_clocks", "clock", "response")).isZero();

        clock.set(opened.responseDeadline().plusSeconds(1));
        assertThat(metric("ebillops_sla_overdue_clocks", "clock", "response")).isEqualTo(1);
        assertThat(metric("ebillops_sla_overdue_clocks", "clock", "onsite")).isZero();
    }

    @Test
    @Order(3)
    void anInspectionSetsEachItemsNewestResult() {
        inspected(result("disk:本机", 8, CheckStatus.FAIL), result("tablespace:票据库", 5, CheckStatus.WARN));
        assertThat(metric("ebillops_inspection_item_status", "item", "1.8")).isEqualTo(2);
        assertThat(metric("ebillops_inspection_item_status", "item", "1.5")).isEqualTo(1);
        assertThat(metric("ebillops_inspection_item_status", "item", "1.2")).isNaN();

        inspected(result("disk:本机", 8, CheckStatus.OK));
        assertThat(metric("ebillops_inspection_item_status", "item", "1.8")).isZero();
        assertThat(metric("ebillops_inspection_item_status", "item", "1.5")).as("kept from the earlier run").isEqualTo(1);
    }

    @Test
    @Order(4)
    void theClassifierIsTimed() {
        double before = metric("ebillops_classifier_latency_seconds_count", "kind", "message");
        classifier.classify("/help");
        assertThat(metric("ebillops_classifier_latency_seconds_count", "kind", "message")).isEqualTo(before + 1);
    }

    @Test
    @Order(5)
    void aRedisThatDoesNotAnswerIsDegradedNotDown() {
        REDIS.close();
        HttpResponse<String> readiness = get(port, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).as("the database carries the shared state: still serving").isEqualTo(200);
        JsonNode body = json.readTree(readiness.body());
        assertThat(body.path("status").asString()).isEqualTo("DEGRADED");
        assertThat(body.path("components").path("redis").path("status").asString()).isEqualTo("DEGRADED");
        assertThat(body.path("components").path("db").path("status").asString()).isEqualTo("UP");
    }

    @Test
    @Order(6)
    void withoutTheDatabaseReadinessIsDownAndLivenessIsNot() {
        dataSource.close();
        HttpResponse<String> readiness = get(port, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        JsonNode body = json.readTree(readiness.body());
        assertThat(body.path("status").asString()).isEqualTo("DOWN");
        assertThat(body.path("components").path("db").path("status").asString()).isEqualTo("DOWN");
        assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(metric("ebillops_incidents_open", "level", "II")).as("unknown, not zero").isNaN();
    }

    private void inspected(CheckResult... results) {
        Instant at = clock.instant();
        InspectionRun run = inspections.save(new InspectionRun(0, Set.of(InspectionScope.ALL), "test", at, at,
                List.of(results)));
        events.publishEvent(new InspectionCompleted(run));
    }

    private static CheckResult result(String checkId, int item, CheckStatus status) {
        return new CheckResult(checkId, checkId, List.of(item), "测试目标", status, Map.of(), "", "", Duration.ZERO);
    }

    /** The value of one series in the Prometheus scrape, chosen by one label. */
    private double metric(String name, String label, String value) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*\\b" + label + "=\"" + Pattern.quote(value)
                + "\"[^}]*\\} (\\S+)$").matcher(scrape());
        assertThat(m.find()).as("%s{%s=\"%s\"} in the scrape", name, label, value).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private String scrape() {
        HttpResponse<String> r = get(managementPort, "/actuator/prometheus");
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private HttpResponse<String> get(int onPort, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static TcpRelay relayToRedis() {
        URI redis = URI.create(RedisTestSupport.URL);
        try {
            return new TcpRelay(redis.getHost(), redis.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
