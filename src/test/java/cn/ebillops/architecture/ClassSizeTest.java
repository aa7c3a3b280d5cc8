package cn.ebillops.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** DESIGN.md: small classes. A file of the main tree over 300 lines does several jobs; split it. */
class ClassSizeTest {

    static final int MAX_LINES = 300;

    @Test
    void noMainSourceFileIsOver300Lines() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".java")))
                    .as("files over %d lines", MAX_LINES)
                    .filteredOn(p -> lines(p) > MAX_LINES)
                    .isEmpty();
        }
    }

    private static long lines(Path file) {
        try (Stream<String> l = Files.lines(file)) {
            return l.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
