package cn.ebillops.assistant.nlu;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Slash commands are labelled by their name alone, before any classification. */
final class SlashCommands {

    private static final Map<String, Intent> BY_NAME = Map.ofEntries(
            Map.entry("inspect", Intent.INSPECTION_REQUEST),
            Map.entry("status", Intent.STATUS_QUERY),
            Map.entry("duty", Intent.DUTY_QUERY),
            Map.entry("incident", Intent.INCIDENT_FOLLOWUP),
            Map.entry("ack", Intent.INCIDENT_FOLLOWUP),
            Map.entry("onsite", Intent.INCIDENT_FOLLOWUP),
            Map.entry("resolve", Intent.INCIDENT_FOLLOWUP),
            Map.entry("close", Intent.INCIDENT_FOLLOWUP),
            Map.entry("level", Intent.INCIDENT_FOLLOWUP));

    private SlashCommands() {
    }

    /** The intent of a slash command ("/inspect db", "／status"); empty when the text is no command. */
    static Optional<Intent> intentOf(String text) {
        String t = text.strip();
        if (t.startsWith("／")) {
            t = "/" + t.substring(1);
        }
        if (t.length() < 2 || t.charAt(0) != '/' || !Character.isLetter(t.charAt(1))) {
            return Optional.empty();
        }
        int end = 1;
        while (end < t.length() && !Character.isWhitespace(t.charAt(end))) {
            end++;
        }
        String name = t.substring(1, end).toLowerCase(Locale.ROOT);
        return Optional.of(BY_NAME.getOrDefault(name, Intent.OTHER));
    }
}
