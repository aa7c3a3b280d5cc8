package cn.ebillops.assistant.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Incident numbers, windows and departments named in a message; each is blanked out once taken. */
final class WorkPhrases {

    // "#12", "12号故障单", "第12号单", "故障单12", "单号 12", "工单#12"
    private static final Pattern INCIDENT = Pattern.compile("#\\s*(\\d{1,9})"
            + "|(?<![\\d月.])(?:第\\s*)?(\\d{1,9})\\s*号?\\s*(?:故障单|工单)"
            + "|(?<![\\d月.])(?:第\\s*(\\d{1,9})\\s*号?|(\\d{1,9})\\s*号)\\s*单"
            + "|(?:故障单|工单|单号)\\s*(?:号|编号)?\\s*[:：#]?\\s*(\\d{1,9})");
    private static final Pattern WINDOW = Pattern.compile(
            "(\\d{1,3}|[一二三四五六七八九十]{1,3})\\s*号\\s*(?:收费|挂号|结算|开票)?\\s*窗口?|窗口\\s*(\\d{1,3})");
    private static final Pattern PLACE = Pattern.compile(
            "(?:门诊|急诊|住院)?(?:收费处|挂号处|结算处|收费室|药房)|住院处|门诊部|门诊|急诊|医保办");
    private static final Pattern WARD = Pattern.compile("科(?![技学目研普长])");
    private static final String NOT_IN_NAME = "的了在是我你他她们这那个请帮给有和跟与及就都也还说去来到从";

    private WorkPhrases() {
    }

    static List<Long> incidents(Scratch s) {
        List<Long> found = new ArrayList<>();
        Matcher m = INCIDENT.matcher(s.text());
        while (m.find()) {
            long number = Long.parseLong(firstGroup(m));
            if (!found.contains(number)) {
                found.add(number);
            }
            s.consume(m.start(), m.end());
        }
        return found;
    }

    static OptionalInt window(Scratch s) {
        Matcher m = WINDOW.matcher(s.text());
        if (!m.find()) {
            return OptionalInt.empty();
        }
        s.consume(m.start(), m.end());
        int n = m.group(1) != null ? DateReader.number(m.group(1)) : Integer.parseInt(m.group(2));
        return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
    }

    /** "收费处", "门诊", or up to four characters before 科 ("信息科", "神经内科"). */
    static Optional<String> department(Scratch s) {
        String t = s.text();
        Matcher place = PLACE.matcher(t);
        if (place.find()) {
            return Optional.of(place.group());
        }
        Matcher ward = WARD.matcher(t);
        while (ward.find()) {
            int start = ward.start();
            while (start > 0 && ward.start() - start < 4 && isNamePart(t.charAt(start - 1))) {
                start--;
            }
            if (start < ward.start()) {
                return Optional.of(t.substring(start, ward.end()));
            }
        }
        return Optional.empty();
    }

    private static String firstGroup(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        throw new IllegalStateException("no number in " + m.group());
    }

    private static boolean isNamePart(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && NOT_IN_NAME.indexOf(c) < 0;
    }
}
