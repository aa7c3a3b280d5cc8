package cn.ebillops.assistant.nlu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Corrects pinyin-IME typos of domain words (开飘 → 开票, 签民 → 签名, 值半 → 值班): a run of two or
 * three characters that sounds like a vocabulary word — same toneless pinyin, or near it in the
 * ways a Hakka or Cantonese speaker's Mandarin blurs it (zh/z, ch/c, sh/s, n/l, -ng/-n) — and
 * shares at least one character with it is replaced by the word. The shared character keeps a real
 * word that merely sounds alike (保镖 for 报表, 当即 for 宕机) untouched.
 */
final class PinyinCorrector {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
    /**
     * Function characters are typed on purpose, not picked by mistake: "还开得到" reads huan kai like
     * 换开 (还 is polyphonic), yet nobody meant 换开. A window whose odd character is one of these stays.
     */
    private static final String FUNCTION_CHARS = "还都是不了的个在也就有没又要会能到得着过和与把被给让";

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    }

    private final Map<String, List<String>> wordsBySound = new HashMap<>();
    private final Set<String> vocabulary;
    private final Set<String> keep;
    private final int longest;
    private final Map<Character, Set<String>> sounds = new ConcurrentHashMap<>();

    PinyinCorrector(List<String> vocabulary, List<String> keep) {
        this.vocabulary = Set.copyOf(vocabulary);
        this.keep = Set.copyOf(keep);
        int max = 0;
        for (String word : vocabulary) {
            for (String sound : soundsOf(word)) {
                wordsBySound.computeIfAbsent(sound, k -> new ArrayList<>()).add(word);
            }
            max = Math.max(max, word.length());
        }
        this.longest = max;
    }

    String correct(String text) {
        if (wordsBySound.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int step = 1;
            String replacement = null;
            for (int len = Math.min(longest, text.length() - i); len >= 2; len--) {
                String window = text.substring(i, i + len);
                if (vocabulary.contains(window) || keep.contains(window)) {
                    replacement = window;
                    step = len;
                    break;
                }
                String word = soundAlike(window);
                if (word != null) {
                    replacement = word;
                    step = len;
                    break;
                }
            }
            out.append(replacement != null ? replacement : text.substring(i, i + 1));
            i += step;
        }
        return out.toString();
    }

    private String soundAlike(String window) {
        for (int k = 0; k < window.length(); k++) {
            if (!isHan(window.charAt(k))) {
                return null;
            }
        }
        for (String sound : soundsOf(window)) {
            for (String word : wordsBySound.getOrDefault(sound, List.of())) {
                if (word.length() == window.length() && sharesACharacter(word, window)
                        && !differsInAFunctionCharacter(word, window)) {
                    return word;
                }
            }
        }
        return null;
    }

    /** Every fuzzy pinyin reading of the characters (a polyphonic character gives several). */
    private Set<String> soundsOf(String chars) {
        Set<String> readings = Set.of("");
        for (int k = 0; k < chars.length(); k++) {
            Set<String> next = new LinkedHashSet<>();
            for (String prefix : readings) {
                for (String s : sounds.computeIfAbsent(chars.charAt(k), PinyinCorrector::fuzzySyllables)) {
                    next.add(prefix.isEmpty() ? s : prefix + " " + s);
                }
            }
            if (next.isEmpty()) {
                return Set.of();
            }
            readings = next;
        }
        return readings;
    }

    private static Set<String> fuzzySyllables(char c) {
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            if (readings == null) {
                return Set.of();
            }
            Set<String> out = new LinkedHashSet<>();
            for (String r : readings) {
                out.add(fuzzy(r));
            }
            return out;
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    /** Folds the distinctions southern speakers blur, the same way on both sides of a comparison. */
    static String fuzzy(String syllable) {
        String s = syllable;
        if (s.startsWith("zh") || s.startsWith("ch") || s.startsWith("sh")) {
            s = s.charAt(0) + s.substring(2);
        } else if (s.startsWith("n")) {
            s = "l" + s.substring(1);
        }
        if (s.endsWith("ng")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static boolean differsInAFunctionCharacter(String word, String window) {
        for (int k = 0; k < window.length(); k++) {
            if (window.charAt(k) != word.charAt(k) && FUNCTION_CHARS.indexOf(window.charAt(k)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean sharesACharacter(String a, String b) {
        for (int k = 0; k < a.length(); k++) {
            if (b.indexOf(a.charAt(k)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
