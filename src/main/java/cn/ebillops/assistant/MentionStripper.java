package cn.ebillops.assistant;

import java.util.Collection;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Removes "@name" wherever it stands (WeCom puts the bot's name anywhere in the text). A mention
 * ends at whitespace or at punctuation (，,：:、！!？?), so "@助手，开票失败" keeps "开票失败". An @
 * right after an ASCII letter or digit belongs to an e-mail address and stays. A mention glued to
 * the words ("@助手开票失败") can only be split when the bot's display name is known (bot-config
 * {@code botNames}); otherwise the whole token goes, as nothing tells where the name ends.
 */
final class MentionStripper {

    private static final String SEPARATORS = "\\s\\u2005，,：:、！!？?";
    // not after the local part of an e-mail address (Chinese text before "@助手" is still a mention)
    private static final String NOT_IN_ADDRESS = "(?<![A-Za-z0-9._%+-])";
    private static final Pattern MENTION = Pattern.compile(
            NOT_IN_ADDRESS + "[@＠][^" + SEPARATORS + "@＠]{1,32}[" + SEPARATORS + "]?");

    private final Pattern knownNames;

    private MentionStripper(Pattern knownNames) {
        this.knownNames = knownNames;
    }

    /** A stripper that first removes "@" + one of these exact names, followed by anything. */
    static MentionStripper of(Collection<String> botNames) {
        String names = botNames.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()) // the longest name first
                .map(Pattern::quote).collect(Collectors.joining("|"));
        return new MentionStripper(names.isEmpty() ? null
                : Pattern.compile(NOT_IN_ADDRESS + "[@＠](?:" + names + ")[" + SEPARATORS + "]?"));
    }

    String strip(String text) {
        String t = knownNames == null ? text : knownNames.matcher(text).replaceAll("");
        return MENTION.matcher(t).replaceAll("").replaceAll("[\\s\\u2005]+", " ").strip();
    }
}
