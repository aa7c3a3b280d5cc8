package cn.ebillops.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PromptLibraryTest {

    final PromptLibrary shipped = new PromptLibrary(Path.of("prompts"));

    @ParameterizedTest
    @EnumSource(Prompt.class)
    void everyPromptTheCodeNeedsIsShippedInThePromptsFolder(Prompt prompt) {
        assertThat(Path.of("prompts").resolve(prompt.fileName())).isRegularFile();
        assertThat(shipped.text(prompt)).isNotBlank();
    }

    @Test
    void shippedPromptsRenderWithTheirPlaceholders() {
        assertThat(shipped.render(Prompt.SYSTEM, Map.of("hospital", "某医院", "vendor", "某公司")))
                .contains("某医院").contains("某公司").doesNotContain("{{");
        assertThat(shipped.render(Prompt.IMPROVEMENT, Map.of("suggestions", "1. 扩容表空间")))
                .contains("1. 扩容表空间").doesNotContain("{{");
        shipped.requireAll();
    }

    @Test
    void missingPromptFailsNamingTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("system.md"), "你好 {{hospital}}");
        PromptLibrary library = new PromptLibrary(dir);

        assertThatThrownBy(library::requireAll).hasMessageContaining("prompts/improvement.md");
        assertThatThrownBy(() -> library.render(Prompt.SYSTEM, Map.of()))
                .hasMessageContaining("{{hospital}}");
    }
}
