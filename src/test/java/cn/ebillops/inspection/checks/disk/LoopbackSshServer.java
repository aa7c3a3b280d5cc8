package cn.ebillops.inspection.checks.disk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * A real SSH server (Apache MINA sshd) on 127.0.0.1 and a free port. {@code answer} maps the
 * command to its output; null means "run it with /bin/sh -c" on this machine.
 */
final class LoopbackSshServer implements AutoCloseable {

    static final String USER = "ops";
    static final String PASSWORD = "s3cret";
    private final SshServer sshd;

    LoopbackSshServer(UnaryOperator<String> answer) throws IOException {
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider();
        keys.setAlgorithm("EC");
        keys.setKeySize(256); // fast to generate on a busy machine
        sshd.setKeyPairProvider(keys);
        sshd.setPasswordAuthenticator((u, p, s) -> USER.equals(u) && PASSWORD.equals(p));
        sshd.setCommandFactory((channel, command) -> new OneShot(command, answer));
        sshd.start();
    }

    int port() {
        return sshd.getPort();
    }

    @Override
    public void close() throws IOException {
        sshd.stop(true);
    }

    private static final class OneShot implements Command {
        private final String command;
        private final UnaryOperator<String> answer;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        OneShot(String command, UnaryOperator<String> answer) {
            this.command = command;
            this.answer = answer;
        }

        @Override
        public void setInputStream(InputStream in) {
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            Thread t = new Thread(() -> {
                int code = 0;
                try {
                    String canned = answer.apply(command);
                    if (canned != null) {
                        out.write(canned.getBytes(StandardCharsets.UTF_8));
                    } else {
                        Process p = new ProcessBuilder("/bin/sh", "-c", command).start();
                        out.write(p.getInputStream().readAllBytes());
                        err.write(p.getErrorStream().readAllBytes());
                        code = p.waitFor();
                    }
                    out.flush();
                    err.flush();
                } catch (Exception e) {
                    code = 1;
                }
                exit.onExit(code);
            });
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void destroy(ChannelSession channel) {
        }
    }
}
