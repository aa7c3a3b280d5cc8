package cn.ebillops.assistant;

import java.util.regex.Pattern;

/** Removes "@name" wherever it stands (WeCom puts the bot's name anywhere in the text). */
final class MentionStripper {

    // @ followed by a name up to whitespace (WeCom inserts a space or U+2005 after mentions).
    private static final Pattern MENTION = Pattern.compile("[@＠][^\\s\\u2005@＠]{1,32}[\\s\\u2005]?");

    private MentionStripper() {
    }

    static String strip(String text) {
        return MENTION.matcher(text).replaceAll("").replaceAll("[\\s\\u2005]+", " ").strip();
    }
}
