package cn.ebillops.e2e;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The assistant as a separate JVM, started from the built classes with production settings (no test
 * configuration on its classpath), so that a test can kill it with SIGKILL and start it again on the
 * same database.
 */
final class AssistantProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<String> args;
    private final Map<String, String> env;
    private final Path log;
    private final int port;
    private Process process;

    AssistantProcess(List<String> args, Map<String, String> env, Path log) {
        this.port = freePort();
        this.args = new ArrayList<>(args);
        this.args.add("--server.port=" + port);
        // metrics' port: any free one, never the shipped 8081 another process on this machine may hold
        this.args.add("--management.server.port=0");
        this.env = Map.copyOf(env);
        this.log = log;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts it and waits until it answers HTTP. */
    void start() {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Dfile.encoding=UTF-8", "-cp", classpath, "cn.ebillops.EbillOpsApplication"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            await("the assistant answering HTTP").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                    .until(this::answers);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("the assistant did not answer within 180 s; see " + log, e);
        }
    }

    /** Whether it answers HTTP yet; a process that exited fails the wait at once, naming its log. */
    private boolean answers() throws InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException("the assistant exited with " + process.exitValue() + "; see " + log);
        }
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/wecom/aibot/callback")).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false; // still starting
        }
    }

    /** kill -9: no shutdown hook, no flush, nothing in flight finishes. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** A clean stop (SIGTERM), as a service manager does. */
    void stop() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
