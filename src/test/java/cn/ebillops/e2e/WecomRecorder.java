package cn.ebillops.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * WeCom's side of the wire, outside the assistant's process so a kill -9 of the assistant loses
 * nothing it recorded: access tokens, app messages (direct), group robot webhooks and response_url
 * replies. Every call answers errcode 0, except a second use of a response_url (refused, as WeCom does).
 */
final class WecomRecorder implements AutoCloseable {

    /** One message the assistant sent: route (app, robot, response), to whom (user, chat key, response id). */
    record Sent(String route, String to, String text, java.time.Instant at) {
        Sent(String route, String to, String text) {
            this(route, to, text, java.time.Instant.now());
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> usedResponseUrls = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> delivered = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final HttpServer server;

    WecomRecorder() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/cgi-bin/gettoken", ex -> reply(ex, "{\"errcode\":0,\"errmsg\":\"ok\","
                + "\"access_token\":\"recorder-token\",\"expires_in\":7200}"));
        server.createContext("/cgi-bin/message/send", ex -> {
            JsonNode body = body(ex);
            String text = body.path("markdown").path("content").asString(body.path("text").path("content").asString(
                    "[" + body.path("msgtype").asString("") + "]"));
            String to = body.path("touser").asString("");
            String card = body.path("template_card").path("task_id").asString("");
            // WeCom's duplicate check (enable_duplicate_check): the same content to the same person is dropped
            // within the interval; a card's task_id may be used once
            boolean duplicate = body.path("enable_duplicate_check").asInt(0) == 1
                    && !delivered.add(to + "\u0000" + text + "\u0000" + card);
            if (!duplicate) {
                sent.add(new Sent("app", to, text));
            }
            reply(ex, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":\"m\"}");
        });
        server.createContext("/cgi-bin/webhook/send", ex -> {
            String key = ex.getRequestURI().getQuery().replaceFirst(".*key=", "");
            JsonNode body = body(ex);
            sent.add(new Sent("robot", key, body.path("markdown").path("content").asString(
                    body.path("text").path("content").asString(""))));
            reply(ex, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        });
        server.createContext("/response/", ex -> {
            String id = ex.getRequestURI().getPath().substring("/response/".length());
            JsonNode body = body(ex);
            if (!usedResponseUrls.add(id)) { // WeCom accepts a response_url once
                reply(ex, "{\"errcode\":40003,\"errmsg\":\"response_url used\"}");
                return;
            }
            sent.add(new Sent("response", id, body.path("markdown").path("content").asString(
                    body.path("text").path("content").asString(""))));
            reply(ex, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        });
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    private JsonNode body(HttpExchange ex) throws IOException {
        return mapper.readTree(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static void reply(HttpExchange ex, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
