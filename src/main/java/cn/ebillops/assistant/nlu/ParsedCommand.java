package cn.ebillops.assistant.nlu;

import java.util.Locale;
import java.util.Optional;

/**
 * "/inspect db" → name "inspect", args "db". Full-width slash (／) is accepted too. The one parser of
 * the command syntax: the assistant runs what it finds, the classifier labels it ({@link SlashCommand}).
 */
public record ParsedCommand(String name, String args) {

    public static Optional<ParsedCommand> parse(String text) {
        String t = text.strip();
        if (t.startsWith("／")) {
            t = "/" + t.substring(1);
        }
        if (t.length() < 2 || t.charAt(0) != '/' || !Character.isLetter(t.charAt(1))) {
            return Optional.empty();
        }
        int space = indexOfWhitespace(t);
        String name = (space < 0 ? t.substring(1) : t.substring(1, space)).toLowerCase(Locale.ROOT);
        String args = space < 0 ? "" : t.substring(space).strip();
        return Optional.of(new ParsedCommand(name, args));
    }

    private static int indexOfWhitespace(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isWhitespace(t.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
