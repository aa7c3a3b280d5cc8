package cn.ebillops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** ebillops.console.enabled=false: no console route, no page, no login; nothing answers without credentials. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ebillops.console.enabled=false")
class ConsoleOffTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;

    @Test
    void consoleOffMapsNoConsoleRouteAndEveryRouteRefusesWithoutCredentials() {
        assertThat(RouteWalk.routes(context)).noneMatch(r -> r.contains("/api/console") || r.contains("/login"));
        assertThat(context.getBeansOfType(ConsoleController.class)).isEmpty();
        List<RouteWalk.Hit> hits = RouteWalk.walk(context, port,
                List.of("/", "/console/", "/console/index.html", "/login", "/api/console/session", "/actuator/health"));
        hits.forEach(h -> System.out.println("route walk (console off): " + h));
        assertThat(hits).filteredOn(h -> !h.refused()).allSatisfy(
                h -> assertThat(h.method() + " " + h.pattern()).isEqualTo("GET /actuator/health"));
        assertThat(hits).filteredOn(h -> h.pattern().startsWith("/console") || h.pattern().equals("/"))
                .allSatisfy(h -> assertThat(h.status()).isIn(401, 404));
    }
}
