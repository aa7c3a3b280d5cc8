package cn.ebillops.assistant;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Masks patient data before text is logged, stored or sent to a language model: resident ID
 * numbers, mobile and landline numbers (full-width digits read as digits), and a Chinese name standing right before or after
 * "患者/病人/姓名", or written next to one of those numbers ({@link AdjacentNames}).
 */
@Component
public class PiiMasker {

    // 18-digit resident ID (last may be X), also glued to letters ("sfz110101199003071234"): its date makes
    // it specific enough; the old 15-digit form only standing alone, as codes of that length are common.
    private static final Pattern ID_CARD = Pattern.compile(
            "(?<!\\d)([1-9]\\d{5})(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx](?!\\d)"
            + "|(?<![0-9A-Za-z])([1-9]\\d{5})\\d{9}(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(?:\\+?86[- ]?)?(1[3-9]\\d)[- ]?(\\d{4})[- ]?(\\d{4})(?!\\d)");
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)(0\\d{2,3})-(\\d{7,8})(?!\\d)");
    private static final Pattern LABELLED_NAME = Pattern.compile(
            "(患者|病人|姓名|名字|叫)([:：\\s]*)(?!身份|电话|手机|号码|证件|联系|家属|信息|资料)([\\u4e00-\\u9fa5]{2,4}?)(?=[，,。\\s的说身电手号]|$)");

    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String t = replace(ID_CARD, halfWidth(text), m -> (m.group(1) != null ? m.group(1) : m.group(2)) + "********"
                + last(m.group(), 4).replaceAll("\\d{3}(?=.$)", "***"));
        t = replace(MOBILE, t, m -> m.group(1) + "****" + m.group(3));
        t = replace(LANDLINE, t, m -> m.group(1) + "-****" + last(m.group(2), 2));
        // the separator stays: "姓名：张*", not "姓名张*"
        t = replace(LABELLED_NAME, t, m -> m.group(1) + m.group(2) + m.group(3).charAt(0)
                + "*".repeat(m.group(3).length() - 1));
        return AdjacentNames.mask(t);
    }

    /** Full-width digits, X, plus and hyphen as ASCII: "１３９００１３９０００" is a phone number too. */
    private static String halfWidth(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char ascii = (c >= '\uFF10' && c <= '\uFF19') || c == '\uFF38' || c == '\uFF58' || c == '\uFF0B' || c == '\uFF0D'
                    ? (char) (c - 0xFEE0) : c;
            if (ascii != c && sb == null) {
                sb = new StringBuilder(text);
            }
            if (sb != null) {
                sb.setCharAt(i, ascii);
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static String last(String s, int n) {
        return s.substring(Math.max(0, s.length() - n));
    }

    static String replace(Pattern p, String text, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
