package cn.ebillops.knowledge;

import cn.ebillops.assistant.IntentHandler;
import cn.ebillops.assistant.Turn;
import cn.ebillops.assistant.nlu.Classification;
import cn.ebillops.assistant.nlu.Intent;
import cn.ebillops.channel.Reply;
import cn.ebillops.wording.Wording;
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
    private final Wording wording;

    public ConsultationHandler(KnowledgeBase knowledge, WhoToAsk whoToAsk, Wording wording) {
        this.knowledge = knowledge;
        this.whoToAsk = whoToAsk;
        this.wording = wording;
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
            return wording.text("knowledge.unavailable", "contacts", whoToAsk.contacts());
        }
        Optional<KnowledgeMatch> best = matches.stream().filter(m -> m.score() >= knowledge.threshold()).findFirst();
        if (best.isPresent()) {
            KnowledgeEntry e = best.get().entry();
            String related = matches.stream().skip(1)
                    .filter(m -> m.score() >= knowledge.threshold() - 0.03)
                    .map(m -> m.entry().title()).collect(Collectors.joining("、"));
            return wording.text("knowledge.answer", "title", e.title(), "body", e.body(), "related", related.isEmpty() ? ""
                    : wording.text("knowledge.related", "titles", related), "contacts", whoToAsk.contacts());
        }
        return wording.text("knowledge.unsure", "maybe", matches.isEmpty() ? "" : wording.text("knowledge.maybe",
                "titles", matches.stream().map(m -> m.entry().title()).collect(Collectors.joining("、"))),
                "contacts", whoToAsk.contacts());
    }
}
