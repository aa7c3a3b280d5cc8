package cn.ebillops.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route the application maps (each RequestMappingInfoHandlerMapping: controllers and, when
 * present, Actuator), sent without any credential, with a body that would act as the manager if
 * it were taken. What came back, per route, for the test to judge.
 */
final class RouteWalk {

    /** A path variable filled with a plausible value: an existing inspection id, a real chat. */
    private static final String BODY = """
            {"chatId":"wr_it","userId":"wangjingli","text":"/schedule pause holiday-notice","messageId":"walk-%s"}""";

    record Hit(String method, String pattern, String path, int status, String location, String contentType) {
        boolean refused() {
            return status >= 400 || (status / 100 == 3 && location.endsWith("/login"));
        }

        @Override
        public String toString() {
            return "%-6s %-50s → %d%s".formatted(method, pattern, status, location.isEmpty() ? "" : " " + location);
        }
    }

    private RouteWalk() {
    }

    /** The mapped routes as "METHOD pattern"; routes without a method are tried with GET and POST. */
    static Set<String> routes(ApplicationContext context) {
        Set<String> out = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                List<String> names = methods.isEmpty() ? List.of("GET", "POST")
                        : methods.stream().map(Enum::name).toList();
                for (String pattern : info.getPatternValues()) {
                    names.forEach(m -> out.add(m + " " + pattern));
                }
            }
        }
        return out;
    }

    static List<Hit> walk(ApplicationContext context, int port, List<String> extraPages) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(); // no cookies
        List<String> all = new ArrayList<>(routes(context));
        extraPages.forEach(p -> all.add("GET " + p));
        List<Hit> hits = new ArrayList<>();
        int n = 0;
        for (String route : all) {
            String method = route.substring(0, route.indexOf(' '));
            String pattern = route.substring(route.indexOf(' ') + 1);
            String path = pattern.replaceAll("\\{\\*[^}]+}", "x").replaceAll("\\{[^}]*(id|Id)}", "1")
                    .replaceAll("\\{[^}]+}", "wr_it").replace("/**", "/x").replace("*", "x");
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30));
            if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(BODY.formatted(n++), StandardCharsets.UTF_8));
            }
            try {
                HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                hits.add(new Hit(method, pattern, path, res.statusCode(),
                        res.headers().firstValue("Location").orElse(""),
                        res.headers().firstValue("Content-Type").orElse("")));
            } catch (IOException e) {
                throw new IllegalStateException(route, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return hits;
    }
}
