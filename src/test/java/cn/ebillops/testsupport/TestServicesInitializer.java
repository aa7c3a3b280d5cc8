package cn.ebillops.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every Spring test context its own share of the real services, and removes it when the
 * context closes (registered in META-INF/spring.factories, test classpath only).
 * <ul>
 * <li>{@code ebillops.test.database=postgresql} (the default in test-defaults.yml): a fresh schema
 * in the local PostgreSQL, dropped after the context's data source is closed;</li>
 * <li>{@code ebillops.test.database=h2}: the embedded default exactly as shipped (an H2 file
 * database under the data directory), in a fresh directory deleted afterwards;</li>
 * <li>{@code ebillops.test.database=given}: the test sets the data source itself;</li>
 * <li>{@code ebillops.test.redis=true} (the default): the local Redis with a key prefix of its
 * own, whose keys are deleted afterwards. Contexts whose tests move the clock past lock and
 * rate-limit expiries set it false: Redis expires keys in real time.</li>
 * </ul>
 */
public final class TestServicesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String CLEANUP_BEAN = "ebillopsTestServicesCleanup";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        String database = env.getProperty("ebillops.test.database");
        if (database == null) {
            return; // not a test context of this project (e.g. a bench started with its own settings)
        }
        Map<String, Object> props = new HashMap<>();
        TestServicesCleanup cleanup = new TestServicesCleanup();
        switch (database) {
            case "postgresql" -> {
                String schema = PostgresTestSupport.createSchema();
                props.put("spring.datasource.url", PostgresTestSupport.urlOf(schema));
                props.put("spring.datasource.username", PostgresTestSupport.USER);
                props.put("spring.datasource.password", "");
                cleanup.add(() -> PostgresTestSupport.dropSchema(schema));
            }
            case "h2" -> {
                // absolute: H2 refuses a file path relative to the working directory without ./
                Path dir = Path.of("target", "test-data", "h2-" + shortId()).toAbsolutePath();
                props.put("ebillops.data-dir", dir.toString());
                cleanup.add(() -> deleteTree(dir));
            }
            case "given" -> {
                // the test passes its own data source (e.g. several starts over one schema)
            }
            default -> throw new IllegalStateException("ebillops.test.database must be postgresql, h2 or given: "
                    + database);
        }
        if (env.getProperty("ebillops.test.redis", Boolean.class, true)) {
            String prefix = "ebillops-test-" + shortId() + ":";
            props.put("ebillops.redis.url", RedisTestSupport.URL);
            props.put("ebillops.redis.prefix", prefix);
            cleanup.add(() -> RedisTestSupport.deleteKeys(prefix));
        }
        env.getPropertySources().addFirst(new MapPropertySource("ebillops-test-services", props));

        // Destroyed after the beans that depend on it are: the data source (and with it Quartz),
        // so the schema is dropped only once nothing can write to it any more.
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton(CLEANUP_BEAN, cleanup);
        beans.registerDisposableBean(CLEANUP_BEAN, cleanup);
        beans.registerDependentBean(CLEANUP_BEAN, "dataSource");
        beans.registerDependentBean(CLEANUP_BEAN, "keyValueStore");
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
