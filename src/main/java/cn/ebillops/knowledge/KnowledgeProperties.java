package cn.ebillops.knowledge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Knowledge base settings (config/llm.yml, section {@code knowledge}).
 *
 * @param threshold minimum match score (0..1) for an entry to be given as the answer
 * @param warmUp    build the index in the background right after start (else on first question)
 */
@ConfigurationProperties("knowledge")
record KnowledgeProperties(@DefaultValue("0.86") double threshold, @DefaultValue("true") boolean warmUp) {

    public KnowledgeProperties {
        if (threshold <= 0 || threshold >= 1) {
            throw new IllegalArgumentException("knowledge.threshold must be between 0 and 1, was " + threshold);
        }
    }
}
