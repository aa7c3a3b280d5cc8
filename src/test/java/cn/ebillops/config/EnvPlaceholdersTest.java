package cn.ebillops.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvPlaceholdersTest {

    private final List<ConfigProblem> problems = new ArrayList<>();

    private String fill(String text, Map<String, String> env) {
        return EnvPlaceholders.fill("targets.yaml", text, env, problems::add);
    }

    @Test
    void aSetVariableWinsOverItsDefaultAndAnUnsetOneTakesTheDefault() {
        String yaml = "baseUrl: http://127.0.0.1:${EBILLOPS_DEMO_EBILL_PORT:18081}\nports: [{port: ${SIGN_PORT:18082}}]\n";
        assertThat(fill(yaml, Map.of("EBILLOPS_DEMO_EBILL_PORT", "19181")))
                .isEqualTo("baseUrl: http://127.0.0.1:19181\nports: [{port: 18082}]\n");
        assertThat(problems).isEmpty();
    }

    @Test
    void anUnsetVariableWithoutDefaultIsReportedAtItsLine() {
        assertThat(fill("a: 1\n\nurl: ${EBILL_URL}\n", Map.of())).isEqualTo("a: 1\n\nurl: \n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).isEqualTo("配置错误 bot-config/targets.yaml 第 3 行：引用的环境变量 EBILL_URL 没有设置"
                    + "（写成 ${EBILL_URL:默认值} 可给默认值）");
        });
    }

    @Test
    void wordingPlaceholdersAndValuesWithSpecialCharactersPassUntouched() {
        assertThat(fill("reply: \"故障单 #${ref}，级别 ${level}\"\n", Map.of("ref", "x"))).isEqualTo("reply: \"故障单 #${ref}，级别 ${level}\"\n");
        assertThat(fill("p: ${PW}\n", Map.of("PW", "a$1\\b"))).isEqualTo("p: a$1\\b\n");
    }
}
