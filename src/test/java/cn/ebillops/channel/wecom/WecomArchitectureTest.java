package cn.ebillops.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * WxJava stays inside channel.wecom; production code outside the sandbox never uses the stand-in.
 * A scan of the imports (an ArchUnit import of the classpath takes most of a minute here).
 */
class WecomArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/cn/ebillops");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static boolean imports(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().anyMatch(l -> l.startsWith("import " + prefix)
                    || l.startsWith("import static " + prefix));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyTheWecomChannelTouchesWxJava() throws IOException {
        Path wecom = MAIN.resolve("channel/wecom");
        assertThat(sources()).filteredOn(p -> !p.startsWith(wecom))
                .noneMatch(p -> imports(p, "me.chanjar.") || imports(p, "com.github.binarywang."));
    }

    @Test
    void productionCodeDoesNotDependOnTheSandbox() throws IOException {
        Path sandbox = MAIN.resolve("sandbox");
        assertThat(sources()).filteredOn(p -> !p.startsWith(sandbox))
                .noneMatch(p -> imports(p, "cn.ebillops.sandbox."));
    }
}
