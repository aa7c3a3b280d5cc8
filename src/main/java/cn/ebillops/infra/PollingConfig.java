package cn.ebillops.infra;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The one scheduler for the in-process pollers (group robot outbox, WeCom inbox sweep, incident
 * follow-through) and the AI bot's long-connection upkeep; Quartz keeps the durable, clustered jobs. A thread
 * per task, so a slow pass of one never delays another.
 * <p>
 * Stopping is Spring's coordinated lifecycle stop: when the context closes, no pass starts any more and
 * the close waits for the passes running then (at most {@code spring.lifecycle.timeout-per-shutdown-phase}),
 * all before any bean is destroyed, so no pass works against a closed data source. What still runs when the
 * scheduler itself is destroyed is interrupted and waited for {@link #SHUTDOWN_WAIT} at most.
 */
@Configuration(proxyBeanMethods = false)
class PollingConfig {

    static final int POOL_SIZE = 4;
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    @Bean
    ThreadPoolTaskScheduler taskScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(POOL_SIZE);
        scheduler.setThreadNamePrefix("ebillops-poll-");
        // never what keeps the JVM alive: the context's close stops it
        scheduler.setDaemon(true);
        scheduler.setAwaitTerminationMillis(SHUTDOWN_WAIT.toMillis());
        return scheduler;
    }
}
