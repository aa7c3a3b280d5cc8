package cn.ebillops.llm;

import cn.ebillops.assistant.FreeFormResponder;
import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.assistant.Turn;
import cn.ebillops.assistant.nlu.Classification;
import cn.ebillops.assistant.nlu.Intent;
import cn.ebillops.channel.Reply;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The language-model path of the assistant. The model reads the masked message and may call
 * tools; its wording is shown only when usable, and the tools' facts (check results, incident
 * changes, refusals) are always appended verbatim, so nothing the system did is hidden or
 * reworded. Empty means "answer offline": time-out, error or nonsense with no facts.
 */
class AgentResponder implements FreeFormResponder {

    /** Fault reports go to the incident module first: opening the incident and the SLA clocks must not depend on a model. */
    static final Set<Intent> OFFLINE_ONLY = Set.of(Intent.FAULT_REPORT);
    static final String FACTS_HEADING = "**系统执行记录（非模型生成）**";
    /** Longer messages are cut: chat questions are short, and the model's context is not free. */
    static final int MAX_MESSAGE_CHARS = 2000;
    static final String MODEL_NOTE = "> 以上由语言模型整理，检查结果以系统执行记录为准。";

    private final OpsAgent agent;
    private final ModelDeadline deadline;
    private final PiiMasker masker;

    public AgentResponder(OpsAgent agent, ModelDeadline deadline, PiiMasker masker) {
        this.agent = agent;
        this.deadline = deadline;
        this.masker = masker;
    }

    @Override
    public Optional<Reply> respond(Turn turn, Classification offline) {
        if (OFFLINE_ONLY.contains(offline.intent()) || turn.text().isBlank()) {
            return Optional.empty();
        }
        ToolContext context = new ToolContext(turn.sender(), turn.requestId());
        String text = turn.text().length() > MAX_MESSAGE_CHARS ? turn.text().substring(0, MAX_MESSAGE_CHARS) : turn.text();
        String message = "提问人身份：%s\n消息：%s".formatted(turn.sender().role().label(), masker.mask(text));
        Optional<String> wording = deadline.call("language model answer",
                        () -> agent.answer(message, context.asParameters()))
                .flatMap(AnswerCheck::usable)
                .map(masker::mask)
                // after a refused tool call only the system's own record is shown: a model
                // steered by the message might claim what was not done
                .filter(w -> !context.refused())
                // nor is a claim of a change no tool call of this answer made
                .filter(w -> ActionClaims.backed(w, context.acted()));
        List<String> facts = context.facts();
        if (wording.isEmpty() && facts.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        wording.ifPresent(w -> sb.append(w));
        if (!facts.isEmpty()) {
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            sb.append(FACTS_HEADING);
            facts.forEach(f -> sb.append("\n").append(f));
        }
        if (wording.isPresent()) {
            sb.append("\n\n").append(MODEL_NOTE);
        }
        return Optional.of(Reply.of(sb.toString()));
    }
}
