package cn.ebillops.sandbox.ebill;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JDK HttpServer bound to 127.0.0.1 only, for the demo/test stand-ins. It can be stopped and
 * started again on the same port (the "down" fault). When the configured port is taken (another
 * build on this machine), it falls back to a free port and says so.
 */
public final class LoopbackHttpServer {

    private static final Logger log = LoggerFactory.getLogger(LoopbackHttpServer.class);

    private final String label;
    private final int requestedPort;
    private final Map<String, HttpHandler> handlers = new LinkedHashMap<>();
    private HttpServer server;
    private ExecutorService executor;
    private int port;

    public LoopbackHttpServer(String label, int requestedPort) {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
        // delayed ACK: ~40 ms added to every loopback call, which would distort the measured
        // response times. Read once by the JDK's server config; only the JDK HttpServer uses it.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        this.label = label;
        this.requestedPort = requestedPort;
    }

    public LoopbackHttpServer route(String pathPrefix, HttpHandler handler) {
        handlers.put(pathPrefix, handler);
        return this;
    }

    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        int want = port != 0 ? port : requestedPort;
        HttpServer s;
        try {
            s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), want), 50);
        } catch (BindException e) {
            if (want == 0 || port != 0) {
                throw e;
            }
            log.warn("{}: port {} is taken, using a free loopback port instead", label, want);
            s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        }
        handlers.forEach(s::createContext);
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, label + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        s.setExecutor(executor);
        s.start();
        server = s;
        port = s.getAddress().getPort();
        log.info("{} listening on http://127.0.0.1:{}/", label, port);
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    public synchronized boolean running() {
        return server != null;
    }

    public synchronized int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    public static void sendJson(HttpExchange ex, int status, String json) throws IOException {
        send(ex, status, "application/json;charset=UTF-8", json.getBytes(StandardCharsets.UTF_8));
    }
}
