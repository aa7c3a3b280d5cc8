package cn.ebillops.assistant.nlu;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The character-level canonical form every stage shares, so patterns stay simple. Words (dialect,
 * fillers, typos) are the {@link Normaliser}'s, from the hospital's word lists.
 */
final class NluText {

    // Emoji, pictographs, variation selectors and joiners carry no label-relevant meaning for the rules.
    private static final Pattern SYMBOLS = Pattern.compile("[\\p{So}\\p{Sk}\\p{Cs}\\x{FE0F}\\x{200D}\\x{20E3}]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u2005\\u3000]+");
    private static final Pattern PUNCT = Pattern.compile("[\\p{P}\\s]+");

    private NluText() {
    }

    /** NFKC (full-width → ASCII), lower case, emoji removed, whitespace collapsed. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase();
        return collapseSpaces(SYMBOLS.matcher(t).replaceAll(""));
    }

    static String collapseSpaces(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** Only punctuation and spaces left (e.g. a message that was a single emoji). */
    static boolean isEmpty(String normalized) {
        return PUNCT.matcher(normalized).replaceAll("").isEmpty();
    }

    static String withoutPunctuation(String normalized) {
        return PUNCT.matcher(normalized).replaceAll("");
    }
}
