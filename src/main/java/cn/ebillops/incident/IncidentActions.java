package cn.ebillops.incident;

import cn.ebillops.channel.Reply;
import cn.ebillops.config.Person;

/**
 * Lifecycle actions from outside the chat commands, e.g. WeCom card buttons (接单 / 已到场 /
 * 已解决). The implementation checks the actor's role itself.
 */
public interface IncidentActions {

    enum Action {
        ACK("接单"), ONSITE("已到场"), RESOLVE("已解决");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The key a card button carries for this action; parsed back by the channel that shows the card. */
    static String buttonKey(Action action, long incidentNumber) {
        return "incident:" + action.name() + ":" + incidentNumber;
    }

    /** What an action did: {@code done} only when the incident changed, so a caller never claims a refusal as done. */
    record Outcome(boolean done, Reply reply) {
    }

    Outcome act(Action action, long incidentNumber, Person actor, String note);
}
