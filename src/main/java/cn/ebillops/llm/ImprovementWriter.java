package cn.ebillops.llm;

import cn.ebillops.assistant.PiiMasker;
import dev.langchain4j.model.chat.ChatModel;
import java.util.Map;
import java.util.Optional;

/**
 * Rewords the rule-based improvement suggestions of an inspection report with the language
 * model, marked as such. Empty when no model is configured, or on time-out, error or an
 * unusable answer: the report then keeps only the rule-based text, which stays authoritative.
 */
public class ImprovementWriter {

    public static final String MARK = "（以下由语言模型润色，仅供参考）";

    private final ChatModel model;
    private final ModelDeadline deadline;
    private final PromptLibrary prompts;
    private final PiiMasker masker;

    /** {@code model} and {@code deadline} are null in offline mode. */
    public ImprovementWriter(ChatModel model, ModelDeadline deadline, PromptLibrary prompts, PiiMasker masker) {
        this.model = model;
        this.deadline = deadline;
        this.prompts = prompts;
        this.masker = masker;
    }

    public boolean enabled() {
        return model != null && deadline != null;
    }

    /** The model's wording preceded by {@link #MARK}, or empty. */
    public Optional<String> polish(String ruleBasedSuggestions) {
        if (!enabled() || ruleBasedSuggestions == null || ruleBasedSuggestions.isBlank()) {
            return Optional.empty();
        }
        String prompt = prompts.render(Prompt.IMPROVEMENT, Map.of("suggestions", masker.mask(ruleBasedSuggestions.strip())));
        return deadline.call("improvement wording", () -> model.chat(prompt))
                .flatMap(AnswerCheck::usable)
                .map(masker::mask)
                .map(text -> MARK + "\n" + text);
    }
}
