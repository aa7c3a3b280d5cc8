package cn.ebillops.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A private copy of the shipped bot-config/ that a test may change (e.g. its own targets). */
public final class BotConfigCopy {

    private BotConfigCopy() {
    }

    /** Copies bot-config/ to a temp directory, leaving out the inspection targets (the test writes its own). */
    public static Path withoutTargets() {
        try {
            Path source = TestBotConfig.DIR;
            Path dir = Files.createTempDirectory("bot-config-");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : files.toList()) {
                    Path rel = source.relativize(p);
                    if (rel.toString().startsWith("targets")) {
                        continue;
                    }
                    Path to = dir.resolve(rel.toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
