package cn.ebillops.sandbox;

import cn.ebillops.testsupport.TestBotConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * A copy of the shipped demo targets (bot-config/targets.yaml and bot-config/targets.d/*.yaml)
 * with the demo stand-in ports (18081 e-bill platform, 18082 signing server; application-demo.yml)
 * replaced by the ports the benches' own stand-ins got, so no fixed port has to be free.
 */
public final class DemoTargetsCopy {

    public static final int DEMO_EBILL_PORT = 18081;
    public static final int DEMO_SIGNING_PORT = 18082;

    private DemoTargetsCopy() {
    }

    /** Writes the copy into {@code dir} (a bot-config directory); {@code extra} rewrites each file further. */
    public static Path write(Path dir, int ebillPort, int signingPort, UnaryOperator<String> extra) {
        try {
            Path source = TestBotConfig.DIR;
            Files.createDirectories(dir.resolve("targets.d"));
            Files.writeString(dir.resolve("targets.yaml"),
                    extra.apply(pointAt(Files.readString(source.resolve("targets.yaml"), StandardCharsets.UTF_8),
                            ebillPort, signingPort)));
            try (var files = Files.list(source.resolve("targets.d"))) {
                for (Path p : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    Files.writeString(dir.resolve("targets.d").resolve(p.getFileName()),
                            extra.apply(pointAt(Files.readString(p, StandardCharsets.UTF_8), ebillPort, signingPort)));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo ports in URLs and backend port probes replaced; fails if one is left outside a comment. */
    public static String pointAt(String yaml, int ebillPort, int signingPort) {
        String out = yaml
                .replace("127.0.0.1:" + DEMO_EBILL_PORT, "127.0.0.1:" + ebillPort)
                .replace("127.0.0.1:" + DEMO_SIGNING_PORT, "127.0.0.1:" + signingPort)
                .replace("port: " + DEMO_EBILL_PORT, "port: " + ebillPort)
                .replace("port: " + DEMO_SIGNING_PORT, "port: " + signingPort);
        for (String line : out.lines().filter(l -> !l.strip().startsWith("#")).toList()) {
            if (line.matches(".*\\b(" + DEMO_EBILL_PORT + "|" + DEMO_SIGNING_PORT + ")\\b.*")) {
                throw new IllegalStateException("demo stand-in port left in the copied targets: " + line.strip());
            }
        }
        return out;
    }
}
