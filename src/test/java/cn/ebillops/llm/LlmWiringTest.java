package cn.ebillops.llm;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.EbillOpsApplication;
import cn.ebillops.assistant.Assistant;
import cn.ebillops.assistant.FreeFormResponder;
import cn.ebillops.assistant.nlu.Classification;
import cn.ebillops.assistant.nlu.Intent;
import cn.ebillops.assistant.nlu.MessageClassifier;
import cn.ebillops.channel.InboundMessage;
import cn.ebillops.knowledge.KnowledgeBase;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole application with a model: the agent answers first, the offline path when it fails. */
@SpringBootTest(classes = {EbillOpsApplication.class, LlmWiringTest.ConsultationClassifier.class},
        properties = {"knowledge.warm-up=false", "llm.model=qwen-test", "llm.timeout=5s", "llm.turn-timeout=30s"})
class LlmWiringTest {

    static final FakeOpenAiServer LLM = FakeOpenAiServer.started();

    /** Until the real classifier lands every message is OTHER; this test needs CONSULTATION. */
    @TestConfiguration
    static class ConsultationClassifier {
        @Bean
        @Primary
        MessageClassifier consultationOnly() {
            return new MessageClassifier() {
                @Override
                public Classification classify(String text) {
                    return new Classification(Intent.CONSULTATION, null, null, 0.9);
                }

                @Override
                public Classification classifyAsFault(String text) {
                    throw new UnsupportedOperationException("not used by this test");
                }
            };
        }
    }

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        registry.add("llm.base-url", LLM::baseUrl);
    }

    @AfterAll
    static void stopServer() {
        LLM.close();
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    Assistant assistant;
    @Autowired
    KnowledgeBase knowledge;

    String ask(String userId, String text) {
        return assistant.handle(new InboundMessage("console", "wr_cashier", userId, text,
                UUID.randomUUID().toString(), Instant.now())).replies().get(0).markdown();
    }

    @Test
    void modelUsesTheKnowledgeToolAndAFailingModelFallsBackToTheOfflineAnswer() {
        assertThat(context.getBean(FreeFormResponder.class)).isInstanceOf(AgentResponder.class);
        assertThat(context.getBean(ImprovementWriter.class).enabled()).isTrue();
        knowledge.warmUp(); // in production done in the background right after start

        LLM.thenCallTool("searchKnowledge", "{\"question\":\"怎么换开纸质票据\"}")
                .thenAnswer("换开纸质票据：先核对打印机里的纸质票号，再在「换开纸质票据」里查询并打印。");
        assertThat(ask("chenxia", "病人报销要纸质的怎么弄"))
                .startsWith("换开纸质票据：先核对").contains("> 以上由语言模型整理，检查结果以系统执行记录为准。");
        assertThat(LLM.received().get(1)).contains("一张电子票据只能换开一次");

        LLM.thenFail(503);
        assertThat(ask("chenxia", "电子票据冲红怎么操作")).startsWith("**电子票据冲红（红冲）**")
                .contains("仍有问题请联系").contains("张工（13800138001）");
    }
}
