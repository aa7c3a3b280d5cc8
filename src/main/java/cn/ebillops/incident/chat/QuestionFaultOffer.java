package cn.ebillops.incident.chat;

import cn.ebillops.assistant.FaultOffer;
import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.assistant.Turn;
import cn.ebillops.assistant.nlu.Entities;
import cn.ebillops.assistant.nlu.MessageClassifier;
import cn.ebillops.channel.Reply;
import cn.ebillops.incident.IncidentTexts;
import cn.ebillops.infra.KeyValueStore;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Keeps the sender's last question (masked) for {@link #TTL}; 「报故障」 from the same person in the same
 * chat opens the incident from that question, read as a fault report. Without a question on hold,
 * 「报故障」 alone gets a request to describe the fault, never an incident without a description.
 */
@Component
class QuestionFaultOffer implements FaultOffer {

    static final Duration TTL = Duration.ofMinutes(30);
    /** The whole message is the acceptance, so "报故障怎么报" or a fault description is not one. */
    private static final Pattern ACCEPT = Pattern.compile(
            "(是的|对|嗯|好)?(我要|要|帮我)?(报故障|报障|报修|是故障|有故障|确实有故障|现在就有故障|建单|开单)(吧|啊|呀|的)?");
    private static final Pattern NOISE = Pattern.compile("[\\s\\p{Punct}，。！？、「」“”‘’：；（）…～]+");

    private final KeyValueStore store;
    private final MessageClassifier classifier;
    private final FaultReportHandler reports;
    private final PiiMasker masker;
    private final IncidentTexts texts;

    QuestionFaultOffer(KeyValueStore store, MessageClassifier classifier, FaultReportHandler reports, PiiMasker masker,
                       IncidentTexts texts) {
        this.store = store;
        this.classifier = classifier;
        this.reports = reports;
        this.masker = masker;
        this.texts = texts;
    }

    @Override
    public String offer(Turn question) {
        String key = key(question);
        store.delete(key); // the newest question is the one a 「报故障」 refers to
        store.setIfAbsent(key, masker.mask(question.text()), TTL);
        return texts.text("incident.offer.question");
    }

    @Override
    public Optional<Reply> accept(Turn turn) {
        if (!ACCEPT.matcher(NOISE.matcher(turn.text()).replaceAll("")).matches()) {
            return Optional.empty();
        }
        String question = store.get(key(turn));
        if (question == null) {
            return Optional.of(Reply.of(texts.text("incident.offer.describe")));
        }
        store.delete(key(turn));
        Turn asReport = turn.withText(question, Entities.NONE); // a fault report reads no dates or numbers
        return Optional.of(reports.handle(asReport, classifier.classifyAsFault(question)));
    }

    private static String key(Turn turn) {
        return "fault-offer:" + turn.chatId() + ":" + turn.sender().userId();
    }
}
