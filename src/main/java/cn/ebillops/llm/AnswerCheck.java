package cn.ebillops.llm;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a model's answer can be shown: not empty, mainly Chinese, not a refusal or
 * a canned "as an AI" line. Reasoning blocks ({@code <think>…</think>}) of local reasoning models
 * are removed first. Anything else means "use the offline path".
 */
final class AnswerCheck {

    static final int MAX_LENGTH = 3000;
    private static final Pattern THINK = Pattern.compile("(?s)<think>.*?</think>");
    private static final List<String> REFUSALS = List.of(
            "as an ai", "i'm sorry", "i am sorry", "i cannot", "i can't", "sorry, but",
            "作为一个ai", "作为ai", "作为人工智能", "作为一个人工智能", "作为语言模型", "作为一个语言模型",
            "我无法回答", "我不能回答", "无法提供帮助", "我无法协助");

    private AnswerCheck() {
    }

    /** The cleaned answer, or empty when it is unusable. */
    static Optional<String> usable(String answer) {
        if (answer == null) {
            return Optional.empty();
        }
        String text = THINK.matcher(answer).replaceAll("").strip();
        if (text.length() < 2 || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (REFUSALS.stream().anyMatch(lower::contains)) {
            return Optional.empty();
        }
        long han = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        long letters = text.codePoints().filter(Character::isLetter).count();
        if (han < 2 || han < letters * 0.3) {
            return Optional.empty();
        }
        return Optional.of(text);
    }
}
