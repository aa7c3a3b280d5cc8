package cn.ebillops.llm;

import cn.ebillops.assistant.PiiMasker;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.List;

/**
 * The last step before any request leaves for the model: patient data in user text and tool
 * results is masked, whatever produced it. (The user text is also masked before the call.)
 */
final class RequestMasking {

    private RequestMasking() {
    }

    static ChatRequest mask(ChatRequest request, PiiMasker masker) {
        List<ChatMessage> masked = request.messages().stream().map(m -> mask(m, masker)).toList();
        return request.toBuilder().messages(masked).build();
    }

    private static ChatMessage mask(ChatMessage message, PiiMasker masker) {
        if (message instanceof UserMessage u && u.hasSingleText()) {
            String text = masker.mask(u.singleText());
            return u.name() == null ? UserMessage.from(text) : UserMessage.from(u.name(), text);
        }
        if (message instanceof ToolExecutionResultMessage t) {
            return ToolExecutionResultMessage.from(t.id(), t.toolName(), masker.mask(t.text()));
        }
        return message;
    }
}
