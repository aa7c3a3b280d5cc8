package cn.ebillops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 5, in the suite: the assistant as a separate JVM with production settings (H2 file
 * database, no Redis, no WeCom), started, ready, stopped with SIGTERM as systemd does, and started
 * again on the same data; its log holds no ERROR line and no stack trace. scripts/start-stop-check.sh
 * runs five cycles of the packaged jar and prints the numbers.
 */
class StartStopLogIT {

    static final Pattern ERROR_LINE = Pattern.compile("^\\S+\\s+ERROR\\s");
    static final Pattern TRACE_LINE = Pattern.compile("^(\\s+at [\\w$]|Caused by: |\\s+\\.\\.\\. \\d+ (more|common frames omitted))");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsAndStopsTwiceWithoutAnErrorOrAStackTrace(@TempDir Path dir) throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "start-stop-logs"));
        for (int cycle = 1; cycle <= 2; cycle++) {
            // kept after the run: a failure names the file to read
            Path log = logs.resolve("cycle-" + cycle + ".log");
            Files.deleteIfExists(log);
            AssistantProcess assistant = new AssistantProcess(List.of("--ebillops.data-dir=" + dir.resolve("data"),
                    "--ebillops.nlu.vector-cache=" + Path.of("target/nlu-vectors.bin").toAbsolutePath()),
                    // production refuses to start without the report-link secret
                    Map.of("EBILLOPS_LINK_SECRET", "start-stop-test-link-secret-0123456789"), log);
            assistant.start();
            await("readiness UP").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> status(assistant.base() + "/actuator/health/readiness") == 200);
            assistant.stop();

            List<String> lines = Files.readAllLines(log);
            assertThat(lines).as("cycle %d: the process started and stopped gracefully (%s)", cycle, log)
                    .anyMatch(l -> l.contains("Started EbillOpsApplication"))
                    .anyMatch(l -> l.contains("Graceful shutdown complete"));
            assertThat(lines.stream().filter(l -> ERROR_LINE.matcher(l).find()))
                    .as("cycle %d: ERROR lines in %s", cycle, log).isEmpty();
            assertThat(lines.stream().filter(l -> TRACE_LINE.matcher(l).find()))
                    .as("cycle %d: stack-trace lines in %s", cycle, log).isEmpty();
        }
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
