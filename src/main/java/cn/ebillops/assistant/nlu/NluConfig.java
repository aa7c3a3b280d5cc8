package cn.ebillops.assistant.nlu;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.infra.Stopping;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The classifier bean. The normalisation data, exemplars and labelled sets are read at start (a wrong
 * label stops start); the embedding model load and training run in the background when the app is
 * ready (seconds; the training rows' vectors are kept in the data directory), so start-up is not
 * delayed and the first chat message usually finds them done.
 */
@Configuration(proxyBeanMethods = false)
class NluConfig {

    private static final Logger log = LoggerFactory.getLogger(NluConfig.class);

    /**
     * Not injected by type: modules get it timed ({@link #messageClassifier}); only the warm-up asks for it by name.
     * The model comes through its provider: the bean is @Lazy (3 s, 100 MB) and loaded on first use or warm-up.
     */
    @Bean(defaultCandidate = false)
    OfflineClassifier offlineClassifier(BotConfigFiles files, ObjectProvider<EmbeddingModel> embeddingModel,
                                        @Value("${ebillops.nlu.vector-cache:${ebillops.data-dir}/nlu-vectors.bin}")
                                        Path vectorCache) {
        return OfflineClassifier.fromConfig(files, embeddingModel::getObject, vectorCache);
    }

    @Bean
    MessageClassifier messageClassifier(@Qualifier("offlineClassifier") OfflineClassifier classifier,
                                        MeterRegistry registry) {
        return new TimedClassifier(classifier, registry);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> nluWarmUp(@Qualifier("offlineClassifier") OfflineClassifier classifier,
                                                         @Qualifier("backgroundExecutor") ExecutorService executor,
                                                         @Value("${ebillops.nlu.warm-up:true}") boolean warmUp) {
        return event -> {
            if (!warmUp) {
                return;
            }
            executor.execute(() -> {
                long t0 = System.nanoTime();
                try {
                    classifier.warmUp();
                    log.info("classifier trained in {} ms", (System.nanoTime() - t0) / 1_000_000);
                } catch (RuntimeException e) {
                    if (Stopping.explains(e)) {
                        log.info("classifier warm-up abandoned: the application is stopping");
                    } else {
                        log.error("classifier warm-up failed; it will retry on the first message", e);
                    }
                }
            });
        };
    }
}
