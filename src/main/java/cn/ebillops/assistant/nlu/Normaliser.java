package cn.ebillops.assistant.nlu;

import cn.ebillops.config.BotConfigFiles;
import cn.ebillops.config.ConfigNode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The first stage of understanding: one Mandarin form for what staff type — full-width to
 * half-width, lower case, emoji removed, Hakka / Cantonese / English words to Mandarin, voice
 * fillers dropped, pinyin typos of domain words corrected. The word lists are the hospital's
 * data (bot-config/nlu/normalise.yaml); without the file only the character-level steps run.
 */
final class Normaliser {

    static final String FILE = "nlu/normalise.yaml";

    private static final Pattern ASCII_LETTER = Pattern.compile("[a-z]");

    private final Map<String, String> words;
    private final Pattern wordPattern;
    private final Pattern fillerPattern;
    private final PinyinCorrector pinyin;

    Normaliser(Map<String, String> words, List<String> fillers, PinyinCorrector pinyin) {
        this.words = Map.copyOf(words);
        this.wordPattern = alternation(words.keySet().stream().toList());
        this.fillerPattern = alternation(fillers);
        this.pinyin = pinyin;
    }

    /** Character-level steps only (no word lists): for tools and tests that need no data. */
    static Normaliser basic() {
        return new Normaliser(Map.of(), List.of(), new PinyinCorrector(List.of(), List.of()));
    }

    static Normaliser load(BotConfigFiles files) {
        return from(files.readOptional(FILE));
    }

    static Normaliser from(ConfigNode root) {
        Map<String, String> words = new HashMap<>();
        ConfigNode dialect = root.child("dialect");
        for (String name : dialect.raw().keySet()) {
            ConfigNode group = dialect.child(name);
            group.raw().forEach((from, value) -> {
                if (value == null || value instanceof Map || value instanceof List) {
                    throw group.error(from, value, "普通话写法（文本）");
                }
                String to = value.toString().strip();
                String before = words.putIfAbsent(NluText.normalize(from), to);
                if (before != null && !before.equals(to)) {
                    throw group.error(from, to, "与别处同一写法相同的普通话（别处写的是“" + before + "”）");
                }
            });
        }
        List<String> fillers = root.strings("fillers").stream().map(NluText::normalize).toList();
        PinyinCorrector pinyin = new PinyinCorrector(root.strings("vocabulary"), root.strings("keep"));
        return new Normaliser(words, fillers, pinyin);
    }

    String normalise(String text) {
        if (text == null) {
            return "";
        }
        String t = NluText.normalize(text);
        if (wordPattern != null) {
            t = wordPattern.matcher(t).replaceAll(m -> Matcher.quoteReplacement(words.get(m.group())));
        }
        if (fillerPattern != null) {
            t = fillerPattern.matcher(t).replaceAll(" ");
        }
        return NluText.collapseSpaces(pinyin.correct(t));
    }

    /**
     * Longest alternative first, so 搞掂未 wins over 搞掂 at the same position. An English word
     * matches only as a whole word: "down" in "download" is not an outage.
     */
    private static Pattern alternation(List<String> alternatives) {
        if (alternatives.isEmpty()) {
            return null;
        }
        return Pattern.compile(alternatives.stream().sorted(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder())).map(Normaliser::wholeWord).collect(Collectors.joining("|")));
    }

    private static String wholeWord(String alternative) {
        String q = Pattern.quote(alternative);
        if (ASCII_LETTER.matcher(alternative.substring(0, 1)).matches()) {
            q = "(?<![a-z])" + q;
        }
        if (ASCII_LETTER.matcher(alternative.substring(alternative.length() - 1)).matches()) {
            q = q + "(?![a-z])";
        }
        return q;
    }
}
