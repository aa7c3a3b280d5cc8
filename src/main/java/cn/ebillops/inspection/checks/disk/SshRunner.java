package cn.ebillops.inspection.checks.disk;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Runs one command on a remote server over SSH (JSch) with connect and read timeouts. The
 * password or key passphrase comes from an environment variable, never from the config file.
 * Without a known_hosts file the host key is accepted and the result says so.
 */
class SshRunner {

    public record Output(int exitCode, String stdout, String stderr) {
    }

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String privateKey;
    private final String passphrase;
    private final String knownHosts;
    private final Duration timeout;

    public SshRunner(String host, int port, String user, String password, String privateKey, String passphrase,
                     String knownHosts, Duration timeout) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.privateKey = privateKey;
        this.passphrase = passphrase;
        this.knownHosts = knownHosts;
        this.timeout = timeout;
    }

    public String host() {
        return host;
    }

    public boolean hostKeyVerified() {
        return knownHosts != null && !knownHosts.isBlank();
    }

    public Output exec(String command) throws JSchException, java.io.IOException, InterruptedException {
        JSch jsch = new JSch();
        if (privateKey != null && !privateKey.isBlank()) {
            jsch.addIdentity(privateKey, passphrase == null || passphrase.isEmpty() ? null
                    : passphrase.getBytes(StandardCharsets.UTF_8));
        }
        if (hostKeyVerified()) {
            jsch.setKnownHosts(knownHosts);
        }
        Session session = jsch.getSession(user, host, port);
        session.setConfig("StrictHostKeyChecking", hostKeyVerified() ? "yes" : "no");
        session.setConfig("PreferredAuthentications", privateKey != null && !privateKey.isBlank()
                ? "publickey,password" : "password");
        // a wrong password should fail at once, not after several prompts
        session.setConfig("MaxAuthTries", "1");
        if (password != null && !password.isEmpty()) {
            session.setPassword(password);
        }
        int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        session.setTimeout(ms);
        try {
            session.connect(ms);
            ChannelExec ch = (ChannelExec) session.openChannel("exec");
            ch.setCommand(command);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ch.setErrStream(err);
            InputStream in = ch.getInputStream();
            ch.connect(ms);
            byte[] out = in.readAllBytes();
            long end = System.nanoTime() + timeout.toNanos();
            while (!ch.isClosed() && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            int exit = ch.getExitStatus();
            ch.disconnect();
            return new Output(exit, new String(out, StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            session.disconnect();
        }
    }
}
