package cn.ebillops.dashboard;

import cn.ebillops.config.BotConfig;
import cn.ebillops.config.Person;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Free text an engineer wrote (a maintenance note) made fit for the public status page: the names, userids and
 * phone numbers of bot-config's people and any run of 7 or more digits (a phone, an id number) become "＊＊".
 */
@Component
class PublicText {

    static final String HIDDEN = "＊＊";
    private static final Pattern DIGITS = Pattern.compile("\\d[\\d\\s-]{5,}\\d");

    private final List<String> words;

    PublicText(BotConfig config) {
        // longest first, so that a name inside a longer one is not half replaced
        this.words = config.people().stream().flatMap(PublicText::words).filter(w -> w != null && !w.isBlank())
                .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private static Stream<String> words(Person p) {
        return Stream.of(p.name(), p.userId(), p.phone());
    }

    String clean(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String w : words) {
            out = out.replace(w, HIDDEN);
        }
        return DIGITS.matcher(out).replaceAll(HIDDEN);
    }
}
