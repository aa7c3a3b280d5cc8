package cn.ebillops.knowledge;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.infra.Stopping;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** The knowledge base bean; its index is warmed in the background once the application is up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KnowledgeProperties.class)
class KnowledgeConfig {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeConfig.class);

    /** The model through its provider: the bean is @Lazy (3 s, 100 MB) and loaded when the index is built. */
    @Bean
    public KnowledgeBase knowledgeBase(BotConfigFiles files, ObjectProvider<EmbeddingModel> embeddingModel,
                                       KnowledgeProperties properties) {
        return new KnowledgeBase(KnowledgeBase.load(files), embeddingModel, properties.threshold());
    }

    @Bean
    public KnowledgeWarmUp knowledgeWarmUp(KnowledgeBase knowledge, KnowledgeProperties properties,
                                           @Qualifier("backgroundExecutor") ExecutorService executor) {
        return new KnowledgeWarmUp(knowledge, properties.warmUp(), executor);
    }

    /** Loads the embedding model and indexes after start so the first question is fast. */
    public record KnowledgeWarmUp(KnowledgeBase knowledge, boolean enabled, ExecutorService executor) {

        @EventListener(ApplicationReadyEvent.class)
        public void onReady() {
            if (enabled && !knowledge.entries().isEmpty()) {
                executor.execute(() -> {
                    try {
                        knowledge.warmUp();
                    } catch (RuntimeException e) {
                        if (Stopping.explains(e)) {
                            log.info("knowledge base indexing abandoned: the application is stopping");
                        } else {
                            log.error("knowledge base index could not be built; questions will be retried on demand", e);
                        }
                    }
                });
            }
        }
    }
}
