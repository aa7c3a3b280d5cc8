package cn.ebillops.wecom;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A Node script from src/test/node/wecom-sdk that runs WeCom's official @wecom/aibot-node-sdk: JSON
 * commands on its stdin, one JSON line per observation on its stdout (collected here), stderr to a file
 * shown when something fails. A missing Node or SDK fails the test (it does not skip), as in
 * {@link OfficialCryptoInteropTest}.
 */
final class NodeSdkProcess implements AutoCloseable {

    static final Path SDK_DIR = Path.of("src/test/node/wecom-sdk").toAbsolutePath();
    private static final String HOW_TO_FIX = "run scripts/test.sh (it runs `npm ci --prefix src/test/node/wecom-sdk`"
            + " before Maven; needs Node.js 20 on the PATH)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Writer stdin;
    private final Path stderr;
    private final List<JsonNode> lines = new ArrayList<>();

    private NodeSdkProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.stdin = process.outputWriter(StandardCharsets.UTF_8);
        Thread reader = new Thread(this::read, "node-sdk-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code script}; the script exits by itself after {@code lifetime} whatever happens. */
    static NodeSdkProcess start(String script, Map<String, String> env, Duration lifetime) {
        sdkInstalled();
        try {
            Path err = Files.createTempFile("wecom-sdk-" + script, ".err");
            ProcessBuilder pb = new ProcessBuilder("node", script).directory(SDK_DIR.toFile())
                    .redirectError(err.toFile());
            pb.environment().putAll(env);
            pb.environment().put("LIFETIME_MS", Long.toString(lifetime.toMillis()));
            return new NodeSdkProcess(pb.start(), err);
        } catch (IOException e) {
            return fail("cannot start `node` (" + e.getMessage() + "): install Node.js 20 and " + HOW_TO_FIX);
        }
    }

    private static void sdkInstalled() {
        Path pkg = SDK_DIR.resolve("node_modules/@wecom/aibot-node-sdk/package.json");
        if (!Files.isRegularFile(pkg)) {
            fail("WeCom's @wecom/aibot-node-sdk is not installed in " + SDK_DIR + ": " + HOW_TO_FIX);
        }
        String version = JSON.readTree(pkg.toFile()).path("version").asString();
        if (!"1.0.7".equals(version)) {
            fail("@wecom/aibot-node-sdk " + version + " is installed, 1.0.7 is pinned: " + HOW_TO_FIX);
        }
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonNode node = JSON.readTree(line);
                synchronized (lines) {
                    lines.add(node);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended or printed something that is not JSON: what it printed so far stays readable
        }
    }

    void send(Map<String, ?> command) {
        try {
            stdin.write(JSON.writeValueAsString(command) + "\n");
            stdin.flush();
        } catch (IOException e) {
            fail("the Node script is gone: " + e.getMessage() + "\n" + diagnostics());
        }
    }

    /** The first line (from the start) that matches, waiting up to {@code within}; fails with what was seen. */
    JsonNode await(String what, Predicate<JsonNode> match, Duration within) {
        return awaitAfter(0, what, match, within);
    }

    JsonNode await(String what, Predicate<JsonNode> match) {
        return await(what, match, Duration.ofSeconds(10));
    }

    /** How many lines were seen so far: pass it to {@link #awaitAfter} to wait for the answer to what is sent next. */
    int mark() {
        synchronized (lines) {
            return lines.size();
        }
    }

    /**
     * The first matching line at position {@code mark} or later. By position, not by looking a line up by value:
     * a script may print equal lines (two reports with nothing new in between), and a lookup finds the first one.
     */
    JsonNode awaitAfter(int mark, String what, Predicate<JsonNode> match, Duration within) {
        try {
            Awaitility.await(what).atMost(within).pollInterval(Duration.ofMillis(20))
                    .until(() -> find(mark, match) != null);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            fail("the official SDK did not report " + what + " within " + within + "\n" + diagnostics());
        }
        return find(mark, match);
    }

    List<JsonNode> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private JsonNode find(int from, Predicate<JsonNode> match) {
        List<JsonNode> all = lines();
        return all.subList(Math.min(from, all.size()), all.size()).stream().filter(match).findFirst().orElse(null);
    }

    static Predicate<JsonNode> event(String name) {
        return l -> name.equals(l.path("event").asString(""));
    }

    String diagnostics() {
        String err;
        try {
            err = Files.readString(stderr);
        } catch (IOException e) {
            err = e.toString();
        }
        return "alive: " + process.isAlive() + "\nstdout: " + lines() + "\nstderr: "
                + err.substring(Math.max(0, err.length() - 4000));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(3, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(stderr);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }
}
