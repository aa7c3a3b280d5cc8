package cn.ebillops.assistant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The surnames a patient's name written next to a phone or ID number may start with (resource
 * pii/surnames.txt). A name is recognised by its place; requiring a surname keeps ordinary words that
 * stand in the same place ("值班电话", "家庭电话") readable.
 */
final class Surnames {

    /** One surname (compound ones first, so "欧阳" wins over "欧"), as a regular expression. */
    static final String PATTERN = load();

    private Surnames() {
    }

    private static String load() {
        try (InputStream in = Surnames.class.getResourceAsStream("/pii/surnames.txt")) {
            if (in == null) {
                throw new IllegalStateException("pii/surnames.txt missing from the classpath");
            }
            StringBuilder singles = new StringBuilder();
            List<String> compound = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                if (l.length() == 2) {
                    compound.add(Pattern.quote(l));
                } else {
                    singles.append(l);
                }
            }
            return "(?:" + String.join("|", compound) + "|[" + singles + "])";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
