package cn.ebillops.assistant.nlu;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Text preparation shared by the rules: one canonical form so patterns stay simple. */
final class NluText {

    // Emoji, pictographs, variation selectors and joiners carry no label-relevant meaning for the rules.
    private static final Pattern SYMBOLS = Pattern.compile("[\\p{So}\\p{Sk}\\p{Cs}\\x{FE0F}\\x{200D}\\x{20E3}]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u2005\\u3000]+");
    private static final Pattern PUNCT = Pattern.compile("[\\p{P}\\s]+");
    /** Hakka / Cantonese words staff in Meizhou type, mapped to Mandarin so one set of rules reads both. */
    private static final String[][] DIALECT = {
            {"唔", "不"}, {"冇", "没"}, {"成个", "整个"}, {"今朝", "今天"}, {"咗", "了"}, {"嘅", "的"}, {"係", "是"},
            {"啲", "些"}, {"佢", "他"}, {"乜", "什么"}, {"点样", "怎么"}};

    private NluText() {
    }

    /** NFKC (full-width → ASCII), lower case, emoji removed, whitespace collapsed. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase();
        t = SYMBOLS.matcher(t).replaceAll("");
        for (String[] w : DIALECT) {
            t = t.replace(w[0], w[1]);
        }
        return SPACES.matcher(t).replaceAll(" ").strip();
    }

    /** Only punctuation and spaces left (e.g. a message that was a single emoji). */
    static boolean isEmpty(String normalized) {
        return PUNCT.matcher(normalized).replaceAll("").isEmpty();
    }

    static String withoutPunctuation(String normalized) {
        return PUNCT.matcher(normalized).replaceAll("");
    }
}
