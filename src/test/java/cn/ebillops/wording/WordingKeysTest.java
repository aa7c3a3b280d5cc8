package cn.ebillops.wording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Code and templates agree, proven from the source: every {@code text("key", "name", value, …)} call
 * names a key of wording/zh-CN.yml and supplies exactly the placeholders of its default template, and
 * every default key is said somewhere. The runtime check in {@link Wording#text} catches the same
 * mistakes only on paths a test happens to run.
 */
class WordingKeysTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern CALL = Pattern.compile("\\btext\\(");
    private static final Pattern KEY = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\"");
    private static final Pattern LITERAL = Pattern.compile("\"([A-Za-z][A-Za-z0-9]*)\"");

    private final Wording wording = Wording.defaults();

    /** One call of text(…): where it is, the keys its first argument can be, the names it supplies. */
    record Call(String where, Set<String> keys, List<String> arguments) {
    }

    @Test
    void everyKeyInTheCodeIsInTheDefaultsWithThePlaceholdersItsCallerSupplies() {
        List<Call> calls = calls();
        assertThat(calls).hasSizeGreaterThan(50);
        List<String> wrong = new ArrayList<>();
        for (Call c : calls) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i < c.arguments().size(); i += 2) {
                Matcher m = LITERAL.matcher(c.arguments().get(i).strip());
                if (!m.matches()) {
                    wrong.add(c.where() + ": placeholder name is not a literal: " + c.arguments().get(i));
                }
                names.add(m.matches() ? m.group(1) : "?");
            }
            boolean pairs = c.arguments().size() % 2 == 1;
            for (String key : c.keys()) {
                if (!wording.keys().contains(key)) {
                    wrong.add(c.where() + ": " + key + " is not in " + Templates.DEFAULTS);
                } else if (!pairs || !new TreeSet<>(names).equals(new TreeSet<>(wording.placeholders(key)))
                        || names.size() != new LinkedHashSet<>(names).size()) {
                    wrong.add(c.where() + ": " + key + " supplies " + names + ", its template uses "
                            + wording.placeholders(key));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyDefaultKeyIsSaidSomewhere() {
        Set<String> used = new TreeSet<>();
        calls().forEach(c -> used.addAll(c.keys()));
        assertThat(new TreeSet<>(wording.keys())).isSubsetOf(used);
    }

    private static List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                Matcher m = CALL.matcher(src);
                while (m.find()) {
                    List<String> args = arguments(src, m.end());
                    Set<String> keys = new LinkedHashSet<>();
                    Matcher k = KEY.matcher(args.isEmpty() ? "" : args.get(0));
                    while (k.find()) {
                        keys.add(k.group(1));
                    }
                    if (!keys.isEmpty()) {
                        String where = SOURCES.relativize(f) + ":" + (src.substring(0, m.start()).lines().count());
                        calls.add(new Call(where, keys, args));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return calls;
    }

    /** The top-level arguments of a call whose "(" ends at {@code from}: commas inside brackets or strings do not split. */
    private static List<String> arguments(String src, int from) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (src.charAt(end) != c) {
                    end += src.charAt(end) == '\\' ? 2 : 1;
                }
                current.append(src, i, end + 1);
                i = end;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    if (!current.toString().isBlank()) {
                        args.add(current.toString().strip());
                    }
                    return args;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return args;
    }
}
