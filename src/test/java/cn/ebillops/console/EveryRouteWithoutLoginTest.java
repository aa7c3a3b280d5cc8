package cn.ebillops.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.ConversationLog;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 14's target: 0 routes on which a request without credentials changes state or gets a
 * report. Walks every mapped route of the production configuration (console with login) plus the
 * console pages; only the login page, health and the public status page with its JSON may answer 2xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ebillops.console.session-timeout=2s", "ebillops.report.links.secret=" + ConsoleLoginTest.LINK_SECRET})
class EveryRouteWithoutLoginTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ConversationLog conversationLog;

    @Test
    void noRouteActsOrHandsOutAReportWithoutCredentials() {
        List<RouteWalk.Hit> hits = RouteWalk.walk(context, port,
                List.of("/", "/console", "/console/", "/console/index.html", "/actuator/health",
                        "/console/status.html", "/console/dashboard/now.html", "/console/dashboard/incidents.html",
                        "/console/dashboard/dashboard.css", "/console/dashboard/nav.js"));
        hits.forEach(h -> System.out.println("route walk (login): " + h));
        assertThat(RouteWalk.routes(context)).as("mapped routes").contains("POST /api/console/messages",
                "GET /api/reports/inspections/{id}.docx", "GET /api/reports/inspections/{id}/improvement.docx",
                "GET /api/reports/annual/{year}.docx",
                "POST /wecom/aibot/callback", "POST /wecom/app/callback", "GET /login", "GET /api/public/status",
                "GET /api/dashboard/now", "GET /api/dashboard/incidents", "GET /api/dashboard/incidents/{number}");
        assertThat(hits).filteredOn(h -> !h.refused())
                .as("routes that answered a request without credentials")
                .allSatisfy(h -> assertThat(h.method() + " " + h.pattern()).isIn("GET /login", "GET /actuator/health",
                        "GET /api/public/status", "GET /console/status.html"));
        assertThat(hits).filteredOn(h -> !h.refused()).extracting(h -> h.method() + " " + h.pattern())
                .as("the public status page and its JSON answer without login")
                .contains("GET /api/public/status", "GET /console/status.html");
        assertThat(hits).noneMatch(h -> h.contentType().contains("wordprocessingml"));
        assertThat(conversationLog.recent("wr_it", 50)).as("messages that reached the assistant").isEmpty();
        assertThat(hits).filteredOn(h -> h.pattern().startsWith("/api/reports/"))
                .allSatisfy(h -> assertThat(h.status()).isEqualTo(403));
        assertThat(hits).filteredOn(h -> h.pattern().startsWith("/api/console") || h.pattern().startsWith("/api/nlu")
                        || h.pattern().startsWith("/api/dashboard"))
                .allSatisfy(h -> assertThat(h.status()).isEqualTo(401));
        assertThat(hits).filteredOn(h -> h.pattern().startsWith("/console") && !h.pattern().equals("/console/status.html"))
                .allSatisfy(h -> assertThat(h.location()).endsWith("/login"));
    }
}
