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
        return new ButtonKey(action, incidentNumber).key();
    }

    /** A card button's key, {@code incident:ACK:12}: written and read here only (WeCom's cards, the console's). */
    record ButtonKey(Action action, long number) {

        public String key() {
            return "incident:" + action.name() + ":" + number;
        }

        /** Empty for a key that is not an incident button (another feature's, or tampered with). */
        public static java.util.Optional<ButtonKey> parse(String key) {
            String[] p = key == null ? new String[0] : key.split(":");
            if (p.length != 3 || !p[0].equals("incident")) {
                return java.util.Optional.empty();
            }
            try {
                return java.util.Optional.of(new ButtonKey(Action.valueOf(p[1]), Long.parseLong(p[2])));
            } catch (IllegalArgumentException e) {
                return java.util.Optional.empty();
            }
        }
    }

    /** What an action did: {@code done} only when the incident changed, so a caller never claims a refusal as done. */
    record Outcome(boolean done, Reply reply) {
    }

    Outcome act(Action action, long incidentNumber, Person actor, String note);
}
