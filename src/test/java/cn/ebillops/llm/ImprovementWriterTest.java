package cn.ebillops.llm;

import static cn.ebillops.llm.LlmTestSupport.properties;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.assistant.PiiMasker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImprovementWriterTest {

    static final String RULES = "1. 表空间 USERS 使用率 91%，建议扩容 2 GB。\n2. 最近一次备份 26 小时前，建议检查备份任务。\n3. 病人王五电话13712345678的票据推送失败。";

    FakeOpenAiServer llm;
    ExecutorService executor;
    PromptLibrary prompts = new PromptLibrary(Path.of("prompts"));
    PiiMasker masker = new PiiMasker();

    @BeforeEach
    void start() throws Exception {
        llm = new FakeOpenAiServer();
        executor = LlmConfig.modelExecutor();
    }

    @AfterEach
    void stop() {
        llm.close();
        executor.shutdownNow();
    }

    ImprovementWriter writer(Duration timeout) {
        LlmProperties p = properties(llm.baseUrl(), timeout, Duration.ofSeconds(10));
        return new ImprovementWriter(LlmConfig.chatModel(p), new ModelDeadline(executor, p.turnTimeout()), prompts, masker);
    }

    @Test
    void offlineWriterAddsNothing() {
        ImprovementWriter offline = new ImprovementWriter(null, null, prompts, masker);

        assertThat(offline.enabled()).isFalse();
        assertThat(offline.polish(RULES)).isEmpty();
    }

    @Test
    void modelWordingIsMarkedAndBuiltFromTheMaskedRuleText() {
        llm.thenAnswer("数据库 USERS 表空间已用 91%，建议尽快扩容 2 GB；备份已 26 小时未更新，请检查备份任务。");

        assertThat(writer(Duration.ofSeconds(5)).polish(RULES)).hasValueSatisfying(text -> assertThat(text)
                .startsWith("（以下由语言模型润色，仅供参考）\n")
                .contains("扩容 2 GB"));
        String sent = llm.everythingReceived();
        assertThat(sent).contains("表空间 USERS 使用率 91%").contains("不得增加新的问题")
                .doesNotContain("13712345678").doesNotContain("王五");
    }

    @Test
    void slowModelAddsNothing() {
        llm.thenAnswerAfter(Duration.ofSeconds(2), "迟到的润色");

        assertThat(writer(Duration.ofMillis(300)).polish(RULES)).isEmpty();
    }

    @Test
    void nonsenseAnswerAddsNothing() {
        llm.thenAnswer("Sure! Here is the rewritten text in English.");

        assertThat(writer(Duration.ofSeconds(5)).polish(RULES)).isEmpty();
    }
}
