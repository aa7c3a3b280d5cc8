package cn.ebillops.knowledge;

import cn.ebillops.assistant.IntentHandler;
import cn.ebillops.assistant.Turn;
import cn.ebillops.assistant.nlu.Classification;
import cn.ebillops.assistant.nlu.Intent;
import cn.ebillops.channel.Reply;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Answers "how do I …" questions from the knowledge base: the best entry when it matches well
 * enough, otherwise an honest "not sure" with the closest titles and who to ask.
 */
@Component
public class ConsultationHandler implements IntentHandler {

    private static final Logger log = LoggerFactory.getLogger(ConsultationHandler.class);

    private final KnowledgeBase knowledge;
    private final WhoToAsk whoToAsk;

    public ConsultationHandler(KnowledgeBase knowledge, WhoToAsk whoToAsk) {
        this.knowledge = knowledge;
        this.whoToAsk = whoToAsk;
    }

    @Override
    public Intent intent() {
        return Intent.CONSULTATION;
    }

    @Override
    public Reply handle(Turn turn, Classification classification) {
        return Reply.of(answer(turn.text()));
    }

    /** The answer text for a question; also used by the language model's knowledge tool. */
    public String answer(String question) {
        List<KnowledgeMatch> matches;
        try {
            matches = knowledge.search(question, 3);
        } catch (RuntimeException e) {
            // e.g. the embedding model failed to load: still an honest answer with a person to ask
            log.error("knowledge search failed", e);
            return "知识库暂时无法使用，无法回答这个操作问题。\n建议联系" + whoToAsk.contacts() + "。";
        }
        Optional<KnowledgeMatch> best = matches.stream().filter(m -> m.score() >= knowledge.threshold()).findFirst();
        if (best.isPresent()) {
            KnowledgeEntry e = best.get().entry();
            String related = matches.stream().skip(1)
                    .filter(m -> m.score() >= knowledge.threshold() - 0.03)
                    .map(m -> m.entry().title()).collect(Collectors.joining("、"));
            StringBuilder sb = new StringBuilder("**").append(e.title()).append("**\n").append(e.body());
            if (!related.isEmpty()) {
                sb.append("\n\n相关：").append(related);
            }
            sb.append("\n\n> 以上来自运维知识库，仍有问题请联系").append(whoToAsk.contacts()).append("。");
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder("我不确定这个问题的答案，知识库里没有足够匹配的操作说明。");
        if (!matches.isEmpty()) {
            sb.append("\n可能相关：").append(matches.stream().map(m -> m.entry().title())
                    .collect(Collectors.joining("、"))).append("（可以换个说法再问）");
        }
        sb.append("\n建议联系").append(whoToAsk.contacts()).append("。");
        return sb.toString();
    }
}
