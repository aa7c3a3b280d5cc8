package cn.ebillops.incident.chat;

import cn.ebillops.assistant.FaultOffer;
import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.assistant.Turn;
import cn.ebillops.assistant.nlu.Entities;
import cn.ebillops.assistant.nlu.MessageClassifier;
import cn.ebillops.channel.Reply;
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
    static final String OFFER = "如果现在就有故障，请回复「报故障」，我会立即建单并通知值班工程师。";
    /** The whole message is the acceptance, so "报故障怎么报" or a fault description is not one. */
    private static final Pattern ACCEPT = Pattern.compile(
            "(是的|对|嗯|好)?(我要|要|帮我)?(报故障|报障|报修|是故障|有故障|确实有故障|现在就有故障|建单|开单)(吧|啊|呀|的)?");
    private static final Pattern NOISE = Pattern.compile("[\\s\\p{Punct}，。！？、「」“”‘’：；（）…～]+");

    private final KeyValueStore store;
    private final MessageClassifier classifier;
    private final FaultReportHandler reports;
    private final PiiMasker masker;

    QuestionFaultOffer(KeyValueStore store, MessageClassifier classifier, FaultReportHandler reports, PiiMasker masker) {
        this.store = store;
        this.classifier = classifier;
        this.reports = reports;
        this.masker = masker;
    }

    @Override
    public String offer(Turn question) {
        String key = key(question);
        store.delete(key); // the newest question is the one a 「报故障」 refers to
        store.setIfAbsent(key, masker.mask(question.text()), TTL);
        return OFFER;
    }

    @Override
    public Optional<Reply> accept(Turn turn) {
        if (!ACCEPT.matcher(NOISE.matcher(turn.text()).replaceAll("")).matches()) {
            return Optional.empty();
        }
        String question = store.get(key(turn));
        if (question == null) {
            return Optional.of(Reply.of("请直接描述故障现象：哪个功能、提示什么、影响多少人（例如“3号窗口开票失败，提示签名错误”），我会立即建单并通知值班工程师。"));
        }
        store.delete(key(turn));
        Turn asReport = turn.withText(question, Entities.NONE); // a fault report reads no dates or numbers
        return Optional.of(reports.handle(asReport, classifier.classifyAsFault(question)));
    }

    private static String key(Turn turn) {
        return "fault-offer:" + turn.chatId() + ":" + turn.sender().userId();
    }
}
