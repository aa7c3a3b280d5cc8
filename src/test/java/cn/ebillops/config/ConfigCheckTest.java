package cn.ebillops.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/check-config.sh's program: every problem, where a person would look, and the exit code. */
class ConfigCheckTest {

    private static final Map<String, String> PRODUCTION_ENV =
            Map.of("EBILLOPS_LINK_SECRET", "a-production-link-secret-0123456789abcdef");

    static final String FIVE_MISTAKES = """
            hospital:
              name: 梅州市中医医院
            people:
              - userid: chenxia
                name: 陈霞
                role: BOSS
              - userid: liufang
                role: STAFF
              - userid: chenxia
                name: 黄伟
                role: STAFF
              - userid: ligong
                name: 李工
                role: ENGINEER
                phone: "call me"
            groups:
              - chatid: wr_cashier
                name: 收费处群
                robotWebhookEnv: wecom-robot
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int check(Map<String, String> env, String... args) {
        return ConfigCheck.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private void write(String file, String yaml) throws IOException {
        Files.createDirectories(dir.resolve(file).getParent());
        Files.writeString(dir.resolve(file), yaml);
    }

    @Test
    void allFiveMistakesAreReportedWithTheirLinesAndPeopleByUserid() throws IOException {
        write("hospital.yaml", FIVE_MISTAKES);

        assertThat(check(PRODUCTION_ENV, dir.toString())).isEqualTo(1);

        assertThat(out().lines().toList()).containsExactly(
                "配置错误 bot-config/hospital.yaml 第 6 行：键 people[userid=chenxia].role 的值 \"BOSS\" 无效，允许：STAFF、ENGINEER、ADMIN",
                "配置错误 bot-config/hospital.yaml 第 7 行：键 people[userid=liufang].name 的值 \"(缺失)\" 无效，允许：非空文本",
                "配置错误 bot-config/hospital.yaml 第 9 行：键 people[userid=chenxia].userid 的值 \"chenxia\" 无效，允许：不重复的账号",
                "配置错误 bot-config/hospital.yaml 第 15 行：键 people[userid=ligong].phone 的值 \"call me\" 无效，允许：电话号码，如 13800138000 或 0753-2188000",
                "配置错误 bot-config/hospital.yaml 第 19 行：键 groups[chatid=wr_cashier].robotWebhookEnv 的值 \"wecom-robot\" 无效，允许：环境变量名（大写字母、数字、下划线）",
                "共 5 处配置错误（配置目录 %s）".formatted(dir.toAbsolutePath().normalize()));
    }

    @Test
    void syntaxErrorsAreChineseAtTheLineAPersonPointsAt() throws IOException {
        String good = "hospital:\n  name: 医院\npeople:\n  - userid: chenxia\n    name: 陈霞\n    role: STAFF\n";
        write("tab.yaml", good.replace("    role: STAFF", "\trole: STAFF"));
        write("quote.yaml", good.replace("name: 陈霞", "name: \"陈霞") + "    phone: \"13800138000\"\n");
        write("indent.yaml", good.replace("    role: STAFF", "      role: STAFF"));
        write("colon.yaml", good.replace("    role: STAFF", "    role STAFF"));
        write("bracket.yaml", good.replace("role: STAFF", "role: [STAFF"));
        write("twice.yaml", good.replace("    role: STAFF", "    name: 又一个"));
        write("hospital.yaml", good);

        assertThat(check(PRODUCTION_ENV, dir.toString())).isEqualTo(1);

        assertThat(out()).contains(
                "bot-config/tab.yaml 第 6 行：YAML 格式错误：这里有 Tab 字符，YAML 的缩进只能用空格",
                "bot-config/quote.yaml 第 5 行：YAML 格式错误：这一行的引号没有闭合",
                "bot-config/indent.yaml 第 6 行：YAML 格式错误：这里不能出现“键: 值”",
                "bot-config/colon.yaml 第 6 行：YAML 格式错误：缺少冒号",
                "bot-config/bracket.yaml 第 6 行：YAML 格式错误：这一行开始的方括号",
                "bot-config/twice.yaml 第 6 行：YAML 格式错误：键重复",
                "共 6 处配置错误");
        // SnakeYAML's own English never reaches the administrator
        assertThat(out()).doesNotContain("found", "expected", "while", "mapping", "scanning");
    }

    @Test
    void aGoodDirectoryPassesAndCountsItsFiles() throws IOException {
        write("hospital.yaml", FIVE_MISTAKES.replace("BOSS", "STAFF").replace("  - userid: liufang\n", "  - userid: liufang\n    name: 刘芳\n")
                .replace("  - userid: chenxia\n    name: 黄伟", "  - userid: huangwei\n    name: 黄伟")
                .replace("call me", "13800138001").replace("wecom-robot", "WECOM_ROBOT_CASHIER"));
        write("targets.d/extra.yaml", "targets: []\n");

        assertThat(check(PRODUCTION_ENV, dir.toString())).isEqualTo(0);

        assertThat(out()).isEqualTo("配置检查通过：%s（2 个文件）%n".formatted(dir.toAbsolutePath().normalize()));
    }

    @Test
    void productionEnvironmentIsCheckedWithTheStartsRule() throws IOException {
        write("hospital.yaml", "people:\n  - userid: a\n    name: 甲\n    role: STAFF\nhospital:\n  name: 医院\n");

        assertThat(check(Map.of("EBILLOPS_LINK_SECRET", "short"), dir.toString())).isEqualTo(1);
        assertThat(out()).contains("配置错误 环境变量：EBILLOPS_LINK_SECRET 太短（5 个字符）").contains("至少 32 个字符");

        out.reset();
        assertThat(check(Map.of(), dir.toString())).isEqualTo(1);
        assertThat(out()).contains("未设置 EBILLOPS_LINK_SECRET");

        out.reset();
        assertThat(check(Map.of("SPRING_PROFILES_ACTIVE", "demo"), dir.toString())).isEqualTo(0);
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(check(PRODUCTION_ENV, dir.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("找不到配置目录");
        assertThat(check(PRODUCTION_ENV, "a", "b")).isEqualTo(2);
        assertThat(check(PRODUCTION_ENV, "--bogus")).isEqualTo(2);
        assertThat(check(PRODUCTION_ENV, "--help")).isEqualTo(0);
        assertThat(out()).isEmpty();
    }

    @Test
    void aMissingHospitalFileIsNamed() {
        assertThat(check(PRODUCTION_ENV, dir.toString())).isEqualTo(1);
        assertThat(out()).contains("配置错误 bot-config/hospital.yaml：找不到此文件");
    }
}
