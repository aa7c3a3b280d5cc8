package cn.ebillops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.inspection.CheckFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;

/**
 * scripts/check-config.sh's whole check: the content of every file, each read by its module's own
 * loader, every problem of every file in one run, only Chinese lines, and the exit code.
 */
class BotConfigCheckTest {

    private static final Map<String, String> DEMO = Map.of("SPRING_PROFILES_ACTIVE", "demo");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A copy of the shipped bot-config, to spoil one line at a time. */
    @BeforeEach
    void copyShippedConfig() throws IOException {
        Path shipped = Path.of("bot-config");
        try (Stream<Path> all = Files.walk(shipped)) {
            for (Path p : all.toList()) {
                Path to = dir.resolve(shipped.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    private int check(Map<String, String> env, String... args) {
        return BotConfigCheck.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private void replace(String file, String from, String to) throws IOException {
        Path p = dir.resolve(file);
        String text = Files.readString(p);
        assertThat(text).as(file).contains(from);
        Files.writeString(p, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    void theShippedConfigPasses() {
        assertThat(check(DEMO, "bot-config")).as(out()).isZero();
        assertThat(out()).startsWith("配置检查通过：");
    }

    @Test
    void oneMistakeInEachOfFiveFilesAllReportedInOneRun() throws IOException {
        // a mistake whose fallback does not make the other files' people wrong (a role would)
        replace("hospital.yaml", "phone: \"13800138001\"", "phone: \"call me\"");
        replace("targets.yaml", "warnPercent: 85", "warnPercent: lots");
        replace("duty.yaml", "backup: ligong", "backup: nobody");
        replace("incident.yaml", "mergeWindow: 15m", "mergeWindow: soon");
        replace("holidays/2025.yaml", "to: 2025-01-01", "to: 2026-01-01");

        assertThat(check(DEMO, dir.toString())).isEqualTo(1);

        String report = out();
        assertThat(report).contains(
                "配置错误 bot-config/hospital.yaml 第 %d 行：键 people[userid=zhanggong].phone 的值 \"call me\" 无效"
                        .formatted(lineOf(dir.resolve("hospital.yaml"), "call me")),
                "配置错误 bot-config/targets.yaml 第 %d 行：".formatted(lineOf(dir.resolve("targets.yaml"), "warnPercent: lots")),
                "\"lots\"",
                "配置错误 bot-config/duty.yaml 第 %d 行：".formatted(lineOf(dir.resolve("duty.yaml"), "backup: nobody")),
                "\"nobody\"",
                "配置错误 bot-config/incident.yaml 第 %d 行：".formatted(lineOf(dir.resolve("incident.yaml"), "mergeWindow: soon")),
                "\"soon\"",
                "配置错误 bot-config/holidays/2025.yaml 第 %d 行：".formatted(lineOf(dir.resolve("holidays/2025.yaml"), "to: 2026-01-01")),
                "\"2026-01-01\"");
        List<String> lines = report.lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("共 %d 处配置错误".formatted(lines.size() - 1));
        // every line is the administrator's Chinese: no stack trace, no exception class, no library English
        assertThat(lines).allSatisfy(l -> assertThat(l).matches("(配置错误 bot-config/|共 ).*"));
        assertThat(report).doesNotContain("Exception", "\tat ");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theRestOfTheFilesAreCheckedToo() throws IOException {
        replace("wording.yml", "", "nosuch:\n  key: 文字 {nothing}\n");
        Files.writeString(dir.resolve("console-accounts.yaml"), "accounts:\n  - userid: stranger\n    password: \"{noop}secret\"\n");
        Files.writeString(dir.resolve("nlu/exemplars.yaml"), Files.readString(dir.resolve("nlu/exemplars.yaml"))
                .replaceFirst("intent: [A-Z_]+", "intent: NO_SUCH_INTENT"));

        assertThat(check(DEMO, dir.toString())).isEqualTo(1);

        assertThat(out()).contains("bot-config/console-accounts.yaml", "stranger", "bot-config/nlu/exemplars.yaml",
                "NO_SUCH_INTENT", "bot-config/wording.yml");
    }

    @Test
    void everyCheckFactoryTheStartRegistersIsKnownToTheCheck() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(CheckFactory.class));
        scanner.addExcludeFilter((reader, factory) -> !reader.getAnnotationMetadata().hasAnnotation(Component.class.getName()));
        // the main classes only: tests register fakes of their own
        List<String> beans = scanner.findCandidateComponents("cn.ebillops").stream()
                .filter(b -> b.getResourceDescription() != null && b.getResourceDescription().contains("target/classes/"))
                .map(b -> b.getBeanClassName()).filter(n -> !n.startsWith("cn.ebillops.sandbox.")).sorted().toList();
        assertThat(beans).isNotEmpty();
        assertThat(BotConfigCheck.checkFactories(k -> null).stream().map(f -> f.getClass().getName()).sorted().toList())
                .isEqualTo(beans);
    }

    @Test
    void exitCodesForScripts() {
        assertThat(check(DEMO, dir.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(check(DEMO, "a", "b")).isEqualTo(2);
        assertThat(check(DEMO, dir.toString())).isZero();
        assertThat(check(Map.of(), dir.toString())).as("production rules on the environment").isEqualTo(1);
    }
}
