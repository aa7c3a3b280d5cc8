package cn.ebillops.llm;

import cn.ebillops.config.Person;
import cn.ebillops.incident.IncidentActions.Action;
import dev.langchain4j.invocation.InvocationParameters;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the tools of one answer share: the caller, taken from the {@code Turn} (never from the
 * model's arguments), and the facts the tools produced. Facts are system output that is shown
 * to the user verbatim after the model's wording, so a check result or an incident change can
 * never be lost or reworded by the model.
 */
final class ToolContext {

    static final String KEY = "ebillops.toolContext";

    private final Person caller;
    private final String requestId;
    private final CopyOnWriteArrayList<String> facts = new CopyOnWriteArrayList<>();
    private volatile boolean refused;
    private final Set<Action> acted = ConcurrentHashMap.newKeySet();

    /** {@code requestId} names the message being answered ({@code Turn.requestId()}). */
    public ToolContext(Person caller, String requestId) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.requestId = Objects.requireNonNull(requestId, "requestId");
    }

    /** A context not tied to a message (tests, tools called directly). */
    public ToolContext(Person caller) {
        this(caller, "adhoc:" + UUID.randomUUID());
    }

    public Person caller() {
        return caller;
    }

    /** The message being answered: work a tool starts can be found again by the offline answer to it. */
    public String requestId() {
        return requestId;
    }

    public void addFact(String fact) {
        facts.addIfAbsent(fact);
    }

    /** Records that a tool call was refused; the model's wording is then not shown (facts only). */
    public void refuse(String fact) {
        refused = true;
        facts.addIfAbsent(fact);
    }

    public boolean refused() {
        return refused;
    }

    /** Records an incident action that really changed the incident in this answer. */
    void acted(Action action) {
        acted.add(action);
    }

    /** The actions done in this answer: the only ones the model's wording may claim ({@link ActionClaims}). */
    Set<Action> acted() {
        return Set.copyOf(acted);
    }

    public List<String> facts() {
        return List.copyOf(facts);
    }

    InvocationParameters asParameters() {
        return InvocationParameters.from(KEY, this);
    }

    /** The context of the running answer; empty when a tool is called outside an answer. */
    public static Optional<ToolContext> of(InvocationParameters parameters) {
        if (parameters == null) {
            return Optional.empty();
        }
        Object value = parameters.get(KEY);
        return value instanceof ToolContext c ? Optional.of(c) : Optional.empty();
    }
}
