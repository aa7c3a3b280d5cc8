package cn.ebillops.infra;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * Shared infrastructure beans. Redis is used only when {@code ebillops.redis.url} is set
 * (e.g. redis://127.0.0.1:6379); otherwise shared state lives in the database (table kv_entry).
 */
@Configuration(proxyBeanMethods = false)
public class InfraConfig {

    /** The hospital's time zone: deadlines, schedules and reports are in Beijing time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Logger log = LoggerFactory.getLogger(InfraConfig.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(15);

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.system(ZONE);
    }

    /** The durable record of shared state: message ids seen, and the fallback while Redis is down. */
    @Bean
    public DatabaseKeyValueStore databaseKeyValueStore(JdbcClient jdbc, Clock clock) {
        return new DatabaseKeyValueStore(jdbc, clock);
    }

    /**
     * Locks, counters and short-lived state: Redis when {@code ebillops.redis.url} is set (the database
     * while it is down), else the database.
     */
    @Bean
    @Primary
    public KeyValueStore keyValueStore(@Value("${ebillops.redis.url:}") String redisUrl,
                                       @Value("${ebillops.redis.prefix:ebillops:}") String prefix,
                                       @Value("${ebillops.redis.timeout-ms:2000}") int timeoutMs,
                                       DatabaseKeyValueStore database, Clock clock) {
        if (redisUrl.isBlank()) {
            return database;
        }
        URI uri = URI.create(redisUrl);
        var config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMs)
                .socketTimeoutMillis(timeoutMs)
                .password(System.getenv("EBILLOPS_REDIS_PASSWORD"))
                .build();
        var redis = new RedisKeyValueStore(new JedisPooled(new HostAndPort(uri.getHost(),
                uri.getPort() > 0 ? uri.getPort() : 6379), config), prefix);
        return new FailoverKeyValueStore(redis, database, clock);
    }

    @Bean
    public StateStoreHealth stateStoreHealth(KeyValueStore store) {
        return store instanceof StateStoreHealth h ? h : java.util.Optional::empty;
    }

    /**
     * Background work after a message is acknowledged (diagnosis, notices). On close it waits for
     * running work (bounded): a task inside the embedding model's native code when the JVM exits
     * crashes it (SIGSEGV in onnxruntime).
     */
    @Bean(destroyMethod = "")
    public ExecutorService backgroundExecutor() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "ebillops-bg-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors() * 2), tf);
    }

    @Bean
    DisposableBean backgroundExecutorShutdown(ExecutorService backgroundExecutor) {
        return () -> {
            backgroundExecutor.shutdown();
            if (!backgroundExecutor.awaitTermination(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("background work still running {} s after shutdown; abandoned", SHUTDOWN_WAIT.toSeconds());
                backgroundExecutor.shutdownNow();
            }
        };
    }
}
