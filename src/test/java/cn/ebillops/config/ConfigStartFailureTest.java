package cn.ebillops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ebillops.EbillOpsApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The real application started on a broken bot-config: the start fails with every problem of
 * every file read, in Chinese, and without a stack trace (unless asked for).
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigStartFailureTest {

    @TempDir
    Path dir;

    private void brokenConfig() throws IOException {
        Path demo = Path.of("bot-config");
        try (Stream<Path> files = Files.walk(demo)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = dir.resolve(demo.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        // five mistakes, and still every userid that duty.yaml names
        String hospital = Files.readString(dir.resolve("hospital.yaml"))
                .replaceFirst("    role: STAFF", "    role: BOSS")
                .replaceFirst("(userid: liufang\n)    name: 刘芳\n", "$1")
                .replaceFirst("userid: huangwei", "userid: chenxia")
                .replaceFirst("phone: \"13800138002\"", "phone: \"call me\"")
                .replaceFirst("robotWebhookEnv: WECOM_ROBOT_CASHIER", "robotWebhookEnv: wecom-robot");
        Files.writeString(dir.resolve("hospital.yaml"), hospital);
        // a second file, read by another module: its problem is reported in the same start
        Files.writeString(dir.resolve("incident.yaml"), "mergeWindow: soon\n");
    }

    private static String[] args(Path dir, String... more) {
        return Stream.concat(Stream.of("--ebillops.config-dir=" + dir, "--spring.main.banner-mode=off"), Stream.of(more))
                .toArray(String[]::new);
    }

    @Test
    void aBrokenConfigStopsTheStartWithAllProblemsInChineseAndNoStackTrace(CapturedOutput output) throws IOException {
        brokenConfig();

        assertThatThrownBy(() -> new SpringApplication(EbillOpsApplication.class).run(args(dir)))
                .isInstanceOf(ConfigException.class);

        String printed = output.toString();
        assertThat(printed).contains(
                "配置有 6 处错误，助手没有启动：",
                "配置错误 bot-config/hospital.yaml 第 19 行：键 people[userid=chenxia].role 的值 \"BOSS\" 无效",
                "配置错误 bot-config/hospital.yaml 第 21 行：键 people[userid=liufang].name",
                "配置错误 bot-config/hospital.yaml 第 24 行：键 people[userid=chenxia].userid",
                "配置错误 bot-config/hospital.yaml 第 36 行：键 people[userid=ligong].phone",
                "配置错误 bot-config/hospital.yaml 第 47 行：键 groups[chatid=wr_cashier].robotWebhookEnv",
                "配置错误 bot-config/incident.yaml 第 1 行：键 mergeWindow 的值 \"soon\"",
                "scripts/check-config.sh");
        assertThat(printed.lines()).noneMatch(line -> line.matches("\\s+at [a-z].*"));
        assertThat(printed).doesNotContain("Exception");
    }

    @Test
    void debugBringsTheStackTraceBack(CapturedOutput output) throws IOException {
        brokenConfig();

        assertThatThrownBy(() -> new SpringApplication(EbillOpsApplication.class).run(args(dir, "--EBILLOPS_DEBUG=1")))
                .isInstanceOf(ConfigException.class);

        assertThat(output.toString().lines()).anyMatch(line -> line.matches("\\s+at org\\.springframework.*"));
    }
}
