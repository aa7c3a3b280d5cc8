package cn.ebillops.assistant;

import cn.ebillops.assistant.command.CommandContext;
import cn.ebillops.assistant.command.CommandRegistry;
import cn.ebillops.assistant.command.CommandRegistry.Registered;
import cn.ebillops.assistant.nlu.Classification;
import cn.ebillops.assistant.nlu.EntityExtractor;
import cn.ebillops.assistant.nlu.Intent;
import cn.ebillops.assistant.nlu.MessageClassifier;
import cn.ebillops.assistant.nlu.ParsedCommand;
import cn.ebillops.channel.InboundMessage;
import cn.ebillops.channel.Reply;
import cn.ebillops.config.BotConfig;
import cn.ebillops.infra.KeyValueStore;
import cn.ebillops.wording.Wording;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The single entry for a message from any route: de-duplicate, resolve the sender, run a
 * command or classify and hand to the intent's module. The one catch point: an internal error
 * becomes a short apology with an error id for the user and the cause in the log.
 */
@Service
public class Assistant {

    private static final Logger log = LoggerFactory.getLogger(Assistant.class);
    static final Duration DEDUP_TTL = Duration.ofHours(24);
    /** The MDC key naming the route of the message being handled ("console", "wecom-app"…). */
    public static final String ROUTE = "route";
    /** How much of a command's answer the audit keeps as its outcome. */
    static final int OUTCOME_CHARS = 200;

    private final BotConfig config;
    private final CommandRegistry commands;
    private final MessageClassifier classifier;
    private final Map<Intent, IntentHandler> handlers = new EnumMap<>(Intent.class);
    /** Absent without a configured language model (llm.base-url and llm.model): offline answers only. */
    private final ObjectProvider<FreeFormResponder> freeForm;
    /** Message ids seen, in the database: a WeCom retry after a restart is still recognised. */
    private final KeyValueStore messageIds;
    private final ConversationLog conversationLog;
    private final MentionStripper mentions;
    private final EntityExtractor entities;
    private final FaultOffer faultOffer;
    private final Wording wording;
    private final ApplicationEventPublisher events;

    public Assistant(BotConfig config, CommandRegistry commands, MessageClassifier classifier,
                     List<IntentHandler> handlers, ObjectProvider<FreeFormResponder> freeForm,
                     @Qualifier("databaseKeyValueStore") KeyValueStore messageIds, ConversationLog conversationLog,
                     EntityExtractor entities,
                     FaultOffer faultOffer, Wording wording, ApplicationEventPublisher events) {
        this.config = config;
        this.commands = commands;
        this.classifier = classifier;
        handlers.forEach(h -> {
            if (this.handlers.putIfAbsent(h.intent(), h) != null) {
                throw new IllegalStateException("two handlers for intent " + h.intent());
            }
        });
        this.freeForm = freeForm;
        this.messageIds = messageIds;
        this.conversationLog = conversationLog;
        this.mentions = MentionStripper.of(config.botNames());
        this.entities = entities;
        this.faultOffer = faultOffer;
        this.wording = wording;
        this.events = events;
    }

    public HandleResult handle(InboundMessage message) {
        String dedupKey = "msg:" + message.channel() + ":" + message.messageId();
        if (!messageIds.setIfAbsent(dedupKey, "1", DEDUP_TTL)) {
            log.info("duplicate message {} on {} dropped", message.messageId(), message.channel());
            return HandleResult.duplicateMessage();
        }
        return process(message);
    }

    /**
     * A message accepted earlier whose answer never went out (the instance stopped half-way): handled
     * again without the de-duplication claim it already made. A fault report it opened is found again
     * by the incident merge window, so no incident is opened twice.
     */
    public HandleResult redeliver(InboundMessage message) {
        return process(message);
    }

    private HandleResult process(InboundMessage message) {
        String text = mentions.strip(message.text());
        Turn turn = new Turn(message, config.person(message.userId()), config.group(message.chatId()), text,
                entities.extract(text));
        conversationLog.record(message.channel(), message.chatId(), message.userId(),
                ConversationLog.Direction.IN, turn.text());
        Reply reply;
        // the route of the message, for what the audit trail records while it is handled
        try (var route = MDC.putCloseable(ROUTE, message.channel())) {
            reply = answer(turn);
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString().substring(0, 8);
            log.error("error {} handling message {} on {}", errorId, message.messageId(), message.channel(), e);
            reply = Reply.of(wording.text("assistant.error", "errorId", errorId));
        }
        conversationLog.record(message.channel(), message.chatId(), "assistant",
                ConversationLog.Direction.OUT, reply.markdown());
        return new HandleResult(false, List.of(reply));
    }

    private Reply answer(Turn turn) {
        if (turn.text().isBlank()) {
            return DefaultReplies.guide(wording);
        }
        Optional<ParsedCommand> parsed = ParsedCommand.parse(turn.text());
        if (parsed.isPresent()) {
            return runCommand(turn, parsed.get());
        }
        Optional<Reply> accepted = faultOffer.accept(turn);
        if (accepted.isPresent()) {
            return accepted.get();
        }
        Classification c = classifier.classify(turn.text());
        Reply reply = answer(turn, c);
        if (c.intent() == Intent.CONSULTATION) {
            // answered as a question: a present fault behind it is one 「报故障」 away
            return reply.withMarkdown(reply.markdown() + "\n\n" + faultOffer.offer(turn));
        }
        return reply;
    }

    private Reply answer(Turn turn, Classification c) {
        Optional<Reply> refused = OtherReplies.refusal(c, wording);
        if (refused.isPresent()) {
            return refused.get(); // before any model: an instruction to ignore the rules never reaches one
        }
        FreeFormResponder responder = freeForm.getIfAvailable();
        if (responder != null) {
            Optional<Reply> smart = responder.respond(turn, c);
            if (smart.isPresent()) {
                return smart.get();
            }
        }
        IntentHandler handler = handlers.get(c.intent());
        if (handler != null) {
            return handler.handle(turn, c);
        }
        return c.intent() == Intent.OTHER ? OtherReplies.forOther(c, wording) : DefaultReplies.forIntent(c, wording);
    }

    /** Runs a command and publishes it for the audit trail once, whatever the outcome. */
    private Reply runCommand(Turn turn, ParsedCommand parsed) {
        String outcome = "出错";
        try {
            Optional<Registered> command = commands.find(parsed.name());
            Reply reply = command.isEmpty()
                    ? Reply.of(wording.text("assistant.unknownCommand", "command", parsed.name()))
                    : command.get().handler().execute(new CommandContext(turn, parsed.args()));
            outcome = firstLine(reply.markdown());
            return reply;
        } finally {
            events.publishEvent(new CommandRun(turn.sender().userId(), turn.message().channel(), "/" + parsed.name(),
                    parsed.args(), outcome));
        }
    }

    private static String firstLine(String markdown) {
        String line = markdown.strip().lines().findFirst().orElse("").replace("*", "");
        return line.length() <= OUTCOME_CHARS ? line : line.substring(0, OUTCOME_CHARS) + "…";
    }
}
