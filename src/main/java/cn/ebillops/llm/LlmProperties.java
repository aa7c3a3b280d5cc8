package cn.ebillops.llm;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional language model (config/llm.yml). Offline unless both {@code base-url} and
 * {@code model} are set. The API key comes only from the environment (LLM_API_KEY).
 *
 * @param timeout      one HTTP call to the model
 * @param turnTimeout  a whole answer, model calls and tool runs together; past it the offline path answers
 * @param maxToolCalls tool calls the model may make for one message
 */
@ConfigurationProperties("llm")
public record LlmProperties(String baseUrl, String model, String apiKey,
                            @DefaultValue("20s") Duration timeout,
                            @DefaultValue("45s") Duration turnTimeout,
                            @DefaultValue("6") int maxToolCalls,
                            @DefaultValue("prompts") Path promptsDir) {

    public LlmProperties {
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        model = model == null ? "" : model.strip();
        apiKey = apiKey == null ? "" : apiKey.strip();
        if (timeout.isNegative() || timeout.isZero() || turnTimeout.isNegative() || turnTimeout.isZero()) {
            throw new IllegalArgumentException("llm.timeout and llm.turn-timeout must be positive");
        }
        if (maxToolCalls < 1 || maxToolCalls > 20) {
            throw new IllegalArgumentException("llm.max-tool-calls must be between 1 and 20, was " + maxToolCalls);
        }
    }

    public boolean configured() {
        return !baseUrl.isEmpty() && !model.isEmpty();
    }

    /** Never print the key. */
    @Override
    public String toString() {
        return "LlmProperties[baseUrl=%s, model=%s, apiKey=%s, timeout=%s, turnTimeout=%s]"
                .formatted(baseUrl, model, apiKey.isEmpty() ? "(none)" : "(set)", timeout, turnTimeout);
    }
}
