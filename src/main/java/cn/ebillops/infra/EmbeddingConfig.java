package cn.ebillops.infra;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The in-process Chinese embedding model (bge-small-zh-v1.5, ONNX, no network). One instance
 * per application: it takes about 3 s and 100 MB to load, and is shared by the classifier and
 * the knowledge base.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfig {

    @Bean
    @Lazy
    public EmbeddingModel embeddingModel() {
        return new BgeSmallZhV15EmbeddingModel();
    }
}
