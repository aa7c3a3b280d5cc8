package cn.ebillops.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards TCP connections from 127.0.0.2 (a random port) to a local server. The checks treat
 * only 127.0.0.1, localhost and ::1 as "this machine", so a real local PostgreSQL, MariaDB or
 * stand-in reached through the relay looks like a server elsewhere, while still answering for real.
 */
public final class TcpRelay implements AutoCloseable {

    public static final String HOST = "127.0.0.2";
    private static final int CONNECT_TIMEOUT_MS = 5000;

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public TcpRelay(String targetHost, int targetPort) throws IOException {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.server = new ServerSocket(0, 50, InetAddress.getByName(HOST));
        daemon(this::accept, "tcp-relay-accept").start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket in;
            try {
                in = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            Socket out = new Socket();
            try {
                out.connect(target, CONNECT_TIMEOUT_MS);
            } catch (IOException e) {
                // the target refused: the client sees its connection dropped
                closeQuietly(in);
                closeQuietly(out);
                continue;
            }
            sockets.add(in);
            sockets.add(out);
            daemon(() -> pump(in, out), "tcp-relay-up").start();
            daemon(() -> pump(out, in), "tcp-relay-down").start();
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        sockets.forEach(TcpRelay::closeQuietly);
    }
}
