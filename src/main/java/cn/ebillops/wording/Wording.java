package cn.ebillops.wording;

import cn.ebillops.config.BotConfigFiles;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.StringSubstitutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The texts the assistant says in chat, by key ({@code incident.ack.done}), rendered from
 * templates with named placeholders that a hospital editor can read and rewrite. The code supplies
 * exactly the placeholders of the default template; a key or a placeholder the code does not know
 * is a programming error (an exception a test catches), never a blank message.
 */
@Component
public class Wording {

    private final BotConfigFiles files;
    private volatile Templates templates;

    @Autowired
    public Wording(BotConfigFiles files) {
        this.files = files;
        this.templates = Templates.load(files);
    }

    private Wording(Templates templates) {
        this.files = null;
        this.templates = templates;
    }

    /** The built-in wording without a hospital's overrides: for code built outside Spring (tests, tools). */
    public static Wording defaults() {
        return Defaults.INSTANCE;
    }

    /** Read once, on first use; immutable (a reload has no file to read). */
    private static final class Defaults {
        static final Wording INSTANCE = new Wording(Templates.defaults());
    }

    /** Reads bot-config/wording.yml again; a wrong file throws and the wording in use stays. */
    public void reload() {
        if (files != null) {
            templates = Templates.load(files);
        }
    }

    /** The text of a key whose template has no placeholders. */
    public String text(String key) {
        return text(key, Map.of());
    }

    /** The text of a key with its placeholders given as name, value, name, value… */
    public String text(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("wording " + key + ": names and values must come in pairs");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return text(key, values);
    }

    /** The text of a key; {@code values} must hold exactly the placeholders of the key's default template. */
    public String text(String key, Map<String, ?> values) {
        Templates t = templates;
        Set<String> expected = t.placeholders(key);
        if (!expected.equals(values.keySet())) {
            throw new IllegalArgumentException("wording " + key + ": the code supplies " + values.keySet()
                    + " but the template expects " + expected);
        }
        StringSubstitutor substitutor = Templates.substitutor(name -> String.valueOf(values.get(name)));
        return substitutor.replace(t.template(key));
    }

    /** Every key of the defaults, for tests that match code and templates. */
    public Set<String> keys() {
        return templates.keys();
    }

    /** The placeholders the code supplies for a key. */
    public Set<String> placeholders(String key) {
        return templates.placeholders(key);
    }
}
