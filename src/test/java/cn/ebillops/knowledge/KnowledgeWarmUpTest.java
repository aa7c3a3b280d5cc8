package cn.ebillops.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.testsupport.TestBotConfig;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The index is built in the background once the application is ready, unless switched off. */
class KnowledgeWarmUpTest {

    /** Cheap stand-in: the real model is exercised in KnowledgeBaseTest; here only the wiring matters. */
    static final class ConstantEmbeddings implements EmbeddingModel {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return Response.from(segments.stream().map(s -> Embedding.from(new float[] {1f, 0f})).toList());
        }
    }

    final ExecutorService background = Executors.newSingleThreadExecutor();

    ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(KnowledgeConfig.class)
                .withBean(BotConfigFiles.class, () -> TestBotConfig.files())
                .withBean(EmbeddingModel.class, ConstantEmbeddings::new)
                .withBean("backgroundExecutor", ExecutorService.class, () -> background);
    }

    @Test
    void indexesInTheBackgroundWhenTheApplicationIsReady() {
        runner().run(context -> {
            KnowledgeBase kb = context.getBean(KnowledgeBase.class);
            assertThat(kb.indexed()).isFalse();
            context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0],
                    context.getSourceApplicationContext(), Duration.ZERO));
            background.shutdown();
            assertThat(background.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(kb.indexed()).isTrue();
        });
    }

    @Test
    void warmUpCanBeSwitchedOff() {
        runner().withPropertyValues("knowledge.warm-up=false").run(context -> {
            context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0],
                    context.getSourceApplicationContext(), Duration.ZERO));
            background.shutdown();
            background.awaitTermination(30, TimeUnit.SECONDS);
            assertThat(context.getBean(KnowledgeBase.class).indexed()).isFalse();
            assertThat(context.getBean(KnowledgeProperties.class).threshold()).isEqualTo(0.86);
        });
    }
}
