package cn.ebillops.llm;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.FreeFormResponder;
import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.audit.AuditTrail;
import cn.ebillops.config.BotConfig;
import dev.langchain4j.model.chat.ChatModel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which beans exist with and without a configured model (no full application needed). */
class LlmConditionsTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(LlmConfig.class)
            .withBean(BotConfig.class, () -> LlmTestSupport.CONFIG)
            .withBean(PiiMasker.class)
            // the audit module always exists in the application; this slice builds the model's beans alone
            .withBean(AuditTrail.class, () -> AuditTrail.NONE);

    @Test
    void noModelConfiguredMeansOfflineMode() {
        runner.withPropertyValues("llm.base-url=", "llm.model=").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(FreeFormResponder.class);
            assertThat(context).doesNotHaveBean(ChatModel.class);
            assertThat(context.getBean(ImprovementWriter.class).enabled()).isFalse();
        });
    }

    @Test
    void baseUrlWithoutModelStaysOffline() {
        runner.withPropertyValues("llm.base-url=http://127.0.0.1:9/v1").run(context ->
                assertThat(context).doesNotHaveBean(FreeFormResponder.class));
    }

    @Test
    void configuredModelGivesTheAgent() {
        runner.withPropertyValues("llm.base-url=http://127.0.0.1:9/v1", "llm.model=qwen2.5-7b-instruct",
                "llm.timeout=7s", "llm.api-key=secret").run(context -> {
                    assertThat(context).hasSingleBean(FreeFormResponder.class);
                    assertThat(context.getBean(FreeFormResponder.class)).isInstanceOf(AgentResponder.class);
                    assertThat(context).doesNotHaveBean(java.util.concurrent.ExecutorService.class);
                    assertThat(context.getBean(LlmProperties.class).timeout()).hasSeconds(7);
                    // the key is set, so printing the properties must say so without showing it
                    assertThat(context.getBean(LlmProperties.class).apiKey()).isEqualTo("secret");
                    assertThat(context.getBean(LlmProperties.class).toString()).doesNotContain("secret")
                            .contains("apiKey=(set)");
                    assertThat(context.getBean(ImprovementWriter.class).enabled()).isTrue();
                });
    }

    @Test
    void configuredModelWithAMissingPromptFailsStartNamingTheFile() {
        runner.withPropertyValues("llm.base-url=http://127.0.0.1:9/v1", "llm.model=m", "llm.api-key=secret",
                "llm.prompts-dir=target/no-such-prompts").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("prompts/system.md");
                });
    }
}
