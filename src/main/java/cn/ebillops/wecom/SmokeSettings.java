package cn.ebillops.wecom;

import cn.ebillops.config.BotConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The {@code wecom.*} settings for scripts/smoke-wecom.sh, read as the running assistant reads them but without
 * starting it: the same {@code config/wecom.yml} (its defaults for the API and long-connection URLs included), its
 * {@code ${WECOM_...}} placeholders filled from the given environment, bound to {@link WecomProperties}. Reading the
 * file rather than copying its defaults keeps the smoke test on the URLs production uses.
 */
final class SmokeSettings {

    static final String FILE = "config/wecom.yml";

    /** The bound settings and the endpoints over them. */
    record Loaded(WecomProperties props, WecomEndpoints endpoints) {
    }

    private SmokeSettings() {
    }

    /** Only {@code env} fills the placeholders: no JVM system properties, so a test's own JVM does not leak in. */
    static Loaded load(Map<String, String> env) {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.addFirst(new MapPropertySource("environment", Map.copyOf(env)));
        try {
            List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load(FILE, new ClassPathResource(FILE));
            yaml.forEach(sources::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(FILE + " not readable from the classpath", e);
        }
        WecomProperties props = Binder.get(environment).bind("wecom", Bindable.of(WecomProperties.class))
                .orElseThrow(() -> new IllegalStateException(FILE + " has no wecom settings"));
        // no groups: the smoke test sends to the chat it is given, never by bot-config's robot webhooks
        BotConfig none = new BotConfig(null, List.of(), List.of());
        return new Loaded(props, new WecomEndpoints(props, environment, none));
    }
}
