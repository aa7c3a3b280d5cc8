package cn.ebillops.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible chat-completions stand-in on 127.0.0.1 (random port), scripted per
 * test. Speaks the real wire format: assistant messages with {@code tool_calls}, requests with
 * {@code tool} role messages. Records every request body it received. Public for the report
 * tests, which count how often the model is asked.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    /** One scripted answer: given the request, the HTTP status, body and an optional delay. */
    record Step(int status, String body, Duration delay) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Deque<Function<JsonNode, Step>> script = new ArrayDeque<>();
    private final List<String> received = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-openai");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    public static FakeOpenAiServer started() {
        try {
            return new FakeOpenAiServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public synchronized List<String> received() {
        return List.copyOf(received);
    }

    List<JsonNode> receivedJson() {
        return received().stream().map(JSON::readTree).toList();
    }

    /** Every message of every request, flattened: role and content (tool calls rendered as text). */
    String everythingReceived() {
        return String.join("\n", received());
    }

    public FakeOpenAiServer thenAnswer(String content) {
        return then(req -> new Step(200, completion(content, List.of()), Duration.ZERO));
    }

    FakeOpenAiServer thenCallTool(String name, String argumentsJson) {
        return then(req -> new Step(200, completion(null, List.<String[]>of(new String[] {name, argumentsJson})), Duration.ZERO));
    }

    /** Several tool calls in one assistant message (parallel tool calls). */
    FakeOpenAiServer thenCallTools(List<String[]> nameAndArguments) {
        return then(req -> new Step(200, completion(null, nameAndArguments), Duration.ZERO));
    }

    public FakeOpenAiServer thenAnswerAfter(Duration delay, String content) {
        return then(req -> new Step(200, completion(content, List.of()), delay));
    }

    public FakeOpenAiServer thenFail(int status) {
        return then(req -> new Step(status, "{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\"}}",
                Duration.ZERO));
    }

    synchronized FakeOpenAiServer then(Function<JsonNode, Step> step) {
        script.add(step);
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Function<JsonNode, Step> next;
            synchronized (this) {
                received.add(body);
                next = script.poll();
            }
            Step step = next == null
                    ? new Step(500, "{\"error\":{\"message\":\"script exhausted\"}}", Duration.ZERO)
                    : next.apply(JSON.readTree(body));
            if (!step.delay().isZero()) {
                try {
                    Thread.sleep(step.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] bytes = step.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(step.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            } catch (IOException e) {
                // the client gave up (time-out test)
            }
        }
    }

    private String completion(String content, List<String[]> toolCalls) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-" + ids.incrementAndGet());
        root.put("object", "chat.completion");
        root.put("created", 1_764_000_000L);
        root.put("model", "qwen-test");
        ArrayNode choices = root.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (content == null) {
            message.putNull("content");
        } else {
            message.put("content", content);
        }
        if (!toolCalls.isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            for (String[] call : toolCalls) {
                ObjectNode c = calls.addObject();
                c.put("id", "call_" + ids.incrementAndGet());
                c.put("type", "function");
                ObjectNode f = c.putObject("function");
                f.put("name", call[0]);
                f.put("arguments", call[1]);
            }
        }
        choice.put("finish_reason", toolCalls.isEmpty() ? "stop" : "tool_calls");
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", 100);
        usage.put("completion_tokens", 20);
        usage.put("total_tokens", 120);
        return JSON.writeValueAsString(root);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
